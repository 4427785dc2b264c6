#!/usr/bin/env bash
# Creates, once per cluster, the MongoDB user passwords the MongoDBCommunity resource names (never kept in git).
# Kafka users' Secrets are written by Strimzi's User Operator, TLS Secrets by cert-manager. Idempotent: an existing
# Secret is left as it is (rotate by deleting it and running this again, then restarting the service).
set -euo pipefail
NAMESPACE=${NAMESPACE:-cchc}
for service in plan-service task-service publication-service reporting-service gateway; do
  name="mongo-${service}-password"
  if kubectl -n "$NAMESPACE" get secret "$name" >/dev/null 2>&1; then
    echo "$name exists"
  else
    # hex: safe in a connection string without escaping
    kubectl -n "$NAMESPACE" create secret generic "$name" --from-literal=password="$(openssl rand -hex 24)"
  fi
done
