// Runs once, on the first start of an empty data volume (docker-entrypoint-initdb.d, as the root user): one user per
// service with readWrite on its own database only. Passwords come from the compose environment (CCHC_MONGO_*_PASSWORD).
const users = {
  'plan-service': ['cchc-plan', 'CCHC_MONGO_PLAN_PASSWORD'],
  'task-service': ['cchc-task', 'CCHC_MONGO_TASK_PASSWORD'],
  'publication-service': ['cchc-publication', 'CCHC_MONGO_PUBLICATION_PASSWORD'],
  'reporting-service': ['cchc-reporting', 'CCHC_MONGO_REPORTING_PASSWORD'],
};
const admin = db.getSiblingDB('admin');
for (const [user, [database, passwordVariable]] of Object.entries(users)) {
  const password = process.env[passwordVariable];
  if (!password) {
    throw new Error(passwordVariable + ' is not set');
  }
  admin.createUser({user: user, pwd: password, roles: [{role: 'readWrite', db: database}]});
}
