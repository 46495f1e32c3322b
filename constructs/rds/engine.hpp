#pragma once
/// Database engines and versions for AuroraCluster and DatabaseInstance.
///
///   cdk::rds::AuroraEngine::mysql_8_0()          // Aurora MySQL 3 (MySQL 8.0 compatible)
///   cdk::rds::AuroraEngine::postgres_16()
///   cdk::rds::AuroraEngine::postgres("16.9")     // a specific version
///   cdk::rds::DatabaseInstanceEngine::postgres_16()
///
/// The default versions are current ones that cfn-lint 1.x does not report as
/// deprecated; pick a newer one with the version-taking factories.
#include <cdk/list.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::rds {

/// What an engine is, shared by the Aurora and instance engines.
struct EngineSpec {
  std::string engine{};             ///< Engine property: "aurora-mysql", "postgres", ...
  std::string version{};            ///< EngineVersion
  std::string parameter_group_family{};  ///< e.g. "aurora-mysql8.0", "postgres16"
  std::int64_t default_port = 0;    ///< 3306 or 5432
  std::string default_username{};   ///< "admin" or "postgres"
  List<std::string> log_types{};         ///< what EnableCloudwatchLogsExports may hold
  [[nodiscard]] bool empty() const noexcept { return engine.empty(); }
};

class AuroraEngine {
 public:
  AuroraEngine() = default;
  /// Aurora MySQL 3.x (MySQL 8.0 compatible); default 8.0.mysql_aurora.3.08.2.
  static AuroraEngine mysql_8_0(std::string version = "8.0.mysql_aurora.3.08.2");
  /// Aurora PostgreSQL 15; default 15.12.
  static AuroraEngine postgres_15(std::string version = "15.12");
  /// Aurora PostgreSQL 16; default 16.8.
  static AuroraEngine postgres_16(std::string version = "16.8");
  /// Aurora PostgreSQL of any major version ("17.4").
  static AuroraEngine postgres(std::string version);

  [[nodiscard]] const EngineSpec& spec() const noexcept { return spec_; }
  [[nodiscard]] bool empty() const noexcept { return spec_.empty(); }

 private:
  explicit AuroraEngine(EngineSpec spec) : spec_(std::move(spec)) {}
  EngineSpec spec_;
};

class DatabaseInstanceEngine {
 public:
  DatabaseInstanceEngine() = default;
  /// MySQL 8.0; default 8.0.43.
  static DatabaseInstanceEngine mysql_8_0(std::string version = "8.0.43");
  /// MySQL 8.4; default 8.4.6.
  static DatabaseInstanceEngine mysql_8_4(std::string version = "8.4.6");
  /// PostgreSQL 16; default 16.8.
  static DatabaseInstanceEngine postgres_16(std::string version = "16.8");
  /// PostgreSQL 17; default 17.4.
  static DatabaseInstanceEngine postgres_17(std::string version = "17.4");

  [[nodiscard]] const EngineSpec& spec() const noexcept { return spec_; }
  [[nodiscard]] bool empty() const noexcept { return spec_.empty(); }

 private:
  explicit DatabaseInstanceEngine(EngineSpec spec) : spec_(std::move(spec)) {}
  EngineSpec spec_;
};

}  // namespace cdk::rds
