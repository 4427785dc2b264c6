#!/usr/bin/env python3
"""Re-creates the vendored JSON schemas of deploy/k8s/schemas from local clones of their sources (README.md there).

Usage: vendor.py K8S_JSON_SCHEMA_CLONE STRIMZI_CLONE MONGODB_OPERATOR_CLONE PROMETHEUS_OPERATOR_CLONE
Each clone is checked out (git show) at the tag or commit named below; needs python3-yaml.
"""
import json
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
K8S_VERSION = "v1.32.2-standalone-strict"
K8S_COMMIT = "200801bf30a49e61e08d34dfaab274f4922741af"
# file of the standalone-strict schemas -> (apiVersion, kind)
BUILT_IN = {
    "namespace-v1.json": ("v1", "Namespace"),
    "configmap-v1.json": ("v1", "ConfigMap"),
    "secret-v1.json": ("v1", "Secret"),
    "service-v1.json": ("v1", "Service"),
    "deployment-apps-v1.json": ("apps/v1", "Deployment"),
    "networkpolicy-networking-v1.json": ("networking.k8s.io/v1", "NetworkPolicy"),
    "ingress-networking-v1.json": ("networking.k8s.io/v1", "Ingress"),
    "poddisruptionbudget-policy-v1.json": ("policy/v1", "PodDisruptionBudget"),
    "horizontalpodautoscaler-autoscaling-v2.json": ("autoscaling/v2", "HorizontalPodAutoscaler"),
    # cert-manager v1.14.4, converted by the same tool (openapi2jsonschema) in that repository
    "certificate-cert-manager-v1.json": ("cert-manager.io/v1", "Certificate"),
    "issuer-cert-manager-v1.json": ("cert-manager.io/v1", "Issuer"),
}
# (clone index, git revision, path of the CustomResourceDefinition, version served)
CRDS = [
    (1, "0.48.0", "packaging/install/cluster-operator/040-Crd-kafka.yaml", "v1beta2"),
    (1, "0.48.0", "packaging/install/cluster-operator/045-Crd-kafkanodepool.yaml", "v1beta2"),
    (1, "0.48.0", "packaging/install/cluster-operator/043-Crd-kafkatopic.yaml", "v1beta2"),
    (1, "0.48.0", "packaging/install/cluster-operator/044-Crd-kafkauser.yaml", "v1beta2"),
    (2, "v0.13.0", "config/crd/bases/mongodbcommunity.mongodb.com_mongodbcommunity.yaml", "v1"),
    (3, "v0.93.0", "example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml", "v1"),
    (3, "v0.93.0", "example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml", "v1"),
]


def show(clone, revision, path):
    return subprocess.run(["git", "-C", clone, "show", f"{revision}:{path}"], check=True, capture_output=True, text=True).stdout


def strip_descriptions(node):
    """Drops the prose (string-valued "description"); a property called description keeps its schema (an object)."""
    if isinstance(node, dict):
        return {k: strip_descriptions(v) for k, v in node.items() if not (k == "description" and isinstance(v, str))}
    if isinstance(node, list):
        return [strip_descriptions(v) for v in node]
    return node


def strict(node):
    """As openapi2jsonschema --strict: an object that lists its properties allows no others, unless it says it keeps
    unknown fields (x-kubernetes-preserve-unknown-fields). The API server would silently prune a typo'd field."""
    if isinstance(node, dict):
        node = {k: strict(v) for k, v in node.items()}
        if "properties" in node and "additionalProperties" not in node and not node.get("x-kubernetes-preserve-unknown-fields"):
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [strict(v) for v in node]
    return node


def file_name(api_version, kind):
    return f"{kind.lower()}_{api_version.replace('/', '_')}.json"


def write(api_version, kind, schema, source):
    schema = dict(schema)
    # the generator writes the undated "http://json-schema.org/schema#"; the keywords are draft 4's
    schema["$schema"] = "http://json-schema.org/draft-04/schema#"
    schema["$comment"] = f"{api_version} {kind} from {source}; descriptions dropped"
    (HERE / file_name(api_version, kind)).write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")


def main(clones):
    for name, (api_version, kind) in BUILT_IN.items():
        schema = json.loads(show(clones[0], K8S_COMMIT, f"{K8S_VERSION}/{name}"))
        write(api_version, kind, strip_descriptions(schema), f"{K8S_VERSION}/{name} (openapi2jsonschema --strict)")
    for index, revision, path, version in CRDS:
        crd = yaml.safe_load(show(clones[index], revision, path))
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        served = next(v for v in crd["spec"]["versions"] if v["name"] == version)
        schema = strict(strip_descriptions(served["schema"]["openAPIV3Schema"]))
        write(f"{group}/{version}", kind, schema, f"{path} at {revision}")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1:])
