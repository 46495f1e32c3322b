#pragma once
// Publishes the assets of the stacks about to be deployed: reads each stack's
// asset manifests, fills in the placeholders of their destinations for the
// target account/region/partition, checks the environment's bootstrap version,
// then uploads files to S3 and pushes images to ECR, a few at a time.
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "deploy/assembly.hpp"
#include "deploy/asset_manifest.hpp"
#include "deploy/deployer.hpp"
#include "deploy/file_publisher.hpp"

namespace cdk::deploy {

struct AssetPublishOptions {
  int concurrency = 4;          ///< assets published at once; default 4
  UploadLimits upload;          ///< multipart threshold and part size; default 16 MiB / 8 MiB
  std::string docker_program;   ///< default: $CDK_DOCKER, else docker
  /// Transport for uploads and ECR; default: the session's. Uploads of large
  /// parts need a longer per-request timeout than API calls.
  std::shared_ptr<Transport> upload_transport;
};

struct PublishOutcome {
  int published = 0;  ///< uploaded or pushed now
  int existing = 0;   ///< already at their destination
  std::vector<std::string> failures;  ///< one line each, naming the asset and its construct path
  [[nodiscard]] bool ok() const noexcept { return failures.empty(); }
};

class AssetPublisher {
 public:
  AssetPublisher(Session& session, Printer& printer, AssetPublishOptions options);

  /// Publishes every asset of `stacks`, each destination once. Never throws for
  /// AWS, network or docker trouble: the outcome lists the failures. Local
  /// trouble (a missing source, an unreadable manifest) is found before anything
  /// is sent, and nothing is sent then.
  PublishOutcome publish(const std::vector<const StackArtifact*>& stacks);

 private:
  struct Job;  // one asset to one destination (asset_publisher.cpp)

  /// Reads the manifests: one job per asset and destination, placeholders still in.
  std::vector<Job> plan(const std::vector<const StackArtifact*>& stacks, PublishOutcome& outcome);
  /// Checks each source and zips directories (local work only).
  void prepare(std::vector<Job>& jobs, const std::filesystem::path& scratch, PublishOutcome& outcome) const;
  /// Fills in account, region and partition; drops duplicate destinations.
  void resolve(std::vector<Job>& jobs, PublishOutcome& outcome);
  void check_bootstrap(const std::vector<Job>& jobs, PublishOutcome& outcome);
  /// True when it uploaded/pushed, false when the asset was already there.
  bool run(const Job& job);
  std::string account_for(const StackArtifact& stack, const std::string& region);

  Session& session_;
  Printer& printer_;
  AssetPublishOptions options_;
  std::vector<std::unique_ptr<AssetManifest>> manifests_;  ///< what the jobs point into
  std::mutex account_mutex_;
  std::optional<std::string> caller_account_;
};

}  // namespace cdk::deploy
