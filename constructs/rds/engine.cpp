#include <cdk/rds/engine.hpp>

namespace cdk::rds {

namespace {
std::string major_of(const std::string& version) { return version.substr(0, version.find('.')); }
// MySQL majors are "8.0", "8.4": the first two components.
std::string mysql_major(const std::string& version) {
  auto dot = version.find('.');
  if (dot == std::string::npos) return version;
  auto second = version.find('.', dot + 1);
  return version.substr(0, second);
}
const std::vector<std::string> kMysqlLogs = {"audit", "error", "general", "slowquery"};
const std::vector<std::string> kPostgresLogs = {"postgresql"};
}  // namespace

AuroraEngine AuroraEngine::mysql_8_0(std::string version) {
  return AuroraEngine(EngineSpec{"aurora-mysql", std::move(version), "aurora-mysql8.0", 3306, "admin", kMysqlLogs});
}
AuroraEngine AuroraEngine::postgres_15(std::string version) { return postgres(std::move(version)); }
AuroraEngine AuroraEngine::postgres_16(std::string version) { return postgres(std::move(version)); }
AuroraEngine AuroraEngine::postgres(std::string version) {
  auto family = "aurora-postgresql" + major_of(version);
  return AuroraEngine(EngineSpec{"aurora-postgresql", std::move(version), std::move(family), 5432, "postgres", kPostgresLogs});
}

DatabaseInstanceEngine DatabaseInstanceEngine::mysql_8_0(std::string version) {
  auto family = "mysql" + mysql_major(version);
  return DatabaseInstanceEngine(EngineSpec{"mysql", std::move(version), std::move(family), 3306, "admin", kMysqlLogs});
}
DatabaseInstanceEngine DatabaseInstanceEngine::mysql_8_4(std::string version) { return mysql_8_0(std::move(version)); }
DatabaseInstanceEngine DatabaseInstanceEngine::postgres_16(std::string version) {
  auto family = "postgres" + major_of(version);
  return DatabaseInstanceEngine(
      EngineSpec{"postgres", std::move(version), std::move(family), 5432, "postgres", {"postgresql", "upgrade"}});
}
DatabaseInstanceEngine DatabaseInstanceEngine::postgres_17(std::string version) { return postgres_16(std::move(version)); }

}  // namespace cdk::rds
