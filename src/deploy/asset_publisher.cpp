#include "deploy/asset_publisher.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "deploy/ecr.hpp"
#include "deploy/errors.hpp"
#include "deploy/image_publisher.hpp"
#include "deploy/parallel.hpp"
#include "deploy/s3_bucket.hpp"
#include "deploy/zip_directory.hpp"

namespace cdk::deploy {

namespace fs = std::filesystem;

struct AssetPublisher::Job {
  const StackArtifact* owner = nullptr;
  std::string stack;  ///< display name, for progress lines
  std::string label;  ///< "asset.<hash> (Stack/Fn/Code)"
  fs::path source;    ///< absolute
  const FileAsset* file = nullptr;
  const ImageAsset* image = nullptr;
  FileAssetDestination file_destination;    ///< placeholders filled in
  ImageAssetDestination image_destination;  ///< placeholders filled in
  AssetEnvironment env;
  fs::path upload;  ///< what goes to S3: the source, or the zip made of it
  const AssetManifestArtifact* manifest = nullptr;

  [[nodiscard]] std::string destination() const {
    return file ? fmt::format("s3://{}/{}", file_destination.bucket_name, file_destination.object_key)
                : fmt::format("{}:{}", image_destination.repository_name, image_destination.image_tag);
  }
  [[nodiscard]] std::string key() const { return env.region + " " + destination(); }
};

namespace {

/// A private scratch directory for zips, removed with everything in it.
class Scratch {
 public:
  Scratch() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / fmt::format("cdkpp-assets-{}-{}", ::getpid(), counter++);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string asset_label(const std::string& source, const std::string& id, const std::string& display_name,
                        const StackArtifact& stack) {
  std::string construct = display_name;
  for (const auto& k : {id, source}) {
    if (!construct.empty()) break;
    if (auto it = stack.asset_construct_paths.find(k); it != stack.asset_construct_paths.end()) construct = it->second;
  }
  return construct.empty() ? source : fmt::format("{} ({})", source, construct);
}

}  // namespace

AssetPublisher::AssetPublisher(Session& session, Printer& printer, AssetPublishOptions options)
    : session_(session), printer_(printer), options_(std::move(options)) {
  if (options_.docker_program.empty()) {
    auto configured = session_.settings.env ? session_.settings.env("CDK_DOCKER") : std::nullopt;
    options_.docker_program = configured && !configured->empty() ? *configured : "docker";
  }
  if (!options_.upload_transport) options_.upload_transport = session_.transport;
  if (options_.upload.part_size < (5ULL << 20)) throw DeployError("the multipart part size must be at least 5 MiB");
}

std::string AssetPublisher::account_for(const StackArtifact& stack, const std::string& region) {
  std::string caller;
  {
    std::lock_guard lock(account_mutex_);
    if (!caller_account_) {
      AwsClient sts(session_.config("sts", region), "sts", "2011-06-15");
      auto doc = sts.call("GetCallerIdentity");
      caller_account_ =
          doc->child("GetCallerIdentityResponse").child("GetCallerIdentityResult").child_value("Account");
    }
    caller = *caller_account_;
  }
  // As deploy refuses such a stack, nothing of it is published into another account's names either.
  if (!stack.account.empty() && !caller.empty() && stack.account != caller) {
    throw DeployError(fmt::format("the stack is for account {} but the credentials ({}) are for account {}",
                                  stack.account, session_.settings.credentials.source, caller));
  }
  return stack.account.empty() ? caller : stack.account;
}

}  // namespace cdk::deploy

namespace cdk::deploy {

std::vector<AssetPublisher::Job> AssetPublisher::plan(const std::vector<const StackArtifact*>& stacks,
                                                      PublishOutcome& outcome) {
  std::vector<Job> jobs;
  for (const StackArtifact* stack : stacks) {
    for (const AssetManifestArtifact& artifact : stack->asset_manifests) {
      try {
        manifests_.push_back(std::make_unique<AssetManifest>(read_asset_manifest(artifact.file)));
      } catch (const DeployError& e) {
        outcome.failures.push_back(fmt::format("{}: {}", stack->display_name, e.what()));
        continue;
      }
      const AssetManifest& m = *manifests_.back();
      auto job_for = [&](const std::string& source, const std::string& id, const std::string& display,
                         const std::string& region) {
        Job job;
        job.owner = stack;
        job.stack = stack->display_name;
        job.label = asset_label(source, id, display, *stack);
        job.source = m.dir / source;
        job.env.region = region.empty() ? session_.region_for(stack) : region;
        job.manifest = &artifact;
        return job;
      };
      for (const FileAsset& a : m.files) {
        for (const auto& d : a.destinations) {
          jobs.push_back(job_for(a.path, a.id, a.display_name, d.region));
          jobs.back().file = &a;
          jobs.back().file_destination = d;
        }
      }
      for (const ImageAsset& a : m.images) {
        for (const auto& d : a.destinations) {
          jobs.push_back(job_for(a.directory, a.id, a.display_name, d.region));
          jobs.back().image = &a;
          jobs.back().image_destination = d;
        }
      }
    }
  }
  return jobs;
}

namespace {

/// The file to upload for a file asset: the source itself, or a zip of it.
fs::path upload_file_for(const FileAsset& asset, const fs::path& source, const fs::path& scratch) {
  std::error_code ec;
  auto status = fs::status(source, ec);
  if (ec || !fs::exists(status)) throw DeployError(fmt::format("the asset source {} does not exist", source.string()));
  if (fs::is_directory(status)) {
    if (asset.packaging != "zip") {
      throw DeployError(fmt::format("{} is a directory but the asset's packaging is '{}' (expected zip)",
                                    source.string(), asset.packaging));
    }
    fs::create_directories(scratch);
    fs::path zip = scratch / (asset.id + ".zip");
    zip_directory(source, zip);
    return zip;
  }
  // A file with packaging zip is an archive already; either way it goes up as it is.
  if (!std::ifstream(source, std::ios::binary)) throw DeployError(fmt::format("cannot read {}", source.string()));
  return source;
}

}  // namespace

void AssetPublisher::prepare(std::vector<Job>& jobs, const fs::path& scratch, PublishOutcome& outcome) const {
  // One piece of local work per source, even when it goes to several destinations.
  std::map<std::string, std::vector<Job*>> by_source;
  for (Job& job : jobs) by_source[job.source.string() + (job.file ? " file" : " image")].push_back(&job);
  std::vector<std::vector<Job*>*> groups;
  for (auto& [_, group] : by_source) groups.push_back(&group);
  std::vector<std::string> errors(groups.size());
  run_parallel(groups.size(), options_.concurrency, [&](size_t i) {
    Job& first = *groups[i]->front();
    try {
      fs::path upload;
      if (first.file) upload = upload_file_for(*first.file, first.source, scratch);
      if (first.image) check_image_source(*first.image, first.source);
      for (Job* job : *groups[i]) job->upload = upload;
    } catch (const std::exception& e) {
      errors[i] = fmt::format("{}: {} failed: {}", first.stack, first.label, e.what());
    }
  });
  for (auto& e : errors) {
    if (!e.empty()) outcome.failures.push_back(std::move(e));
  }
}

void AssetPublisher::resolve(std::vector<Job>& jobs, PublishOutcome& outcome) {
  std::vector<Job> unique;
  std::set<std::string> seen;
  for (Job& job : jobs) {
    try {
      job.env.partition = partition_of(job.env.region);
      job.env.account = account_for(*job.owner, job.env.region);
    } catch (const DeployError& e) {
      outcome.failures.push_back(fmt::format("{}: {} failed: {}", job.stack, job.label, e.what()));
      return;
    }
    auto& f = job.file_destination;
    auto& i = job.image_destination;
    for (std::string* text : {&f.bucket_name, &f.object_key, &f.assume_role_arn, &i.repository_name, &i.image_tag,
                              &i.assume_role_arn}) {
      *text = substitute_placeholders(*text, job.env);
    }
    if (seen.insert(job.key()).second) unique.push_back(std::move(job));
  }
  jobs = std::move(unique);
}

}  // namespace cdk::deploy

namespace cdk::deploy {

void AssetPublisher::check_bootstrap(const std::vector<Job>& jobs, PublishOutcome& outcome) {
  std::set<std::string> checked;
  for (const Job& job : jobs) {
    const AssetManifestArtifact& m = *job.manifest;
    if (m.bootstrap_version_parameter.empty() || m.requires_bootstrap_version <= 0) continue;
    const std::string env = fmt::format("aws://{}/{}", job.env.account, job.env.region);
    if (!checked.insert(env + " " + m.bootstrap_version_parameter).second) continue;
    std::string problem;
    try {
      AwsClient ssm(session_.config("ssm", job.env.region), "ssm");
      auto doc = nlohmann::json::parse(
          ssm.json_call("AmazonSSM", "GetParameter", nlohmann::json{{"Name", m.bootstrap_version_parameter}}.dump()),
          nullptr, false);
      std::string value = doc.is_object() ? doc["Parameter"].value("Value", "") : "";
      int version = value.empty() ? 0 : std::atoi(value.c_str());
      if (version < m.requires_bootstrap_version) {
        problem = fmt::format("its bootstrap version is {} but the assets need {} or later", value,
                              m.requires_bootstrap_version);
      }
    } catch (const AwsError& e) {
      if (e.code() != "ParameterNotFound") {
        problem = e.what();
      } else {
        problem = fmt::format("it is not bootstrapped (no SSM parameter {})", m.bootstrap_version_parameter);
      }
    } catch (const DeployError& e) {
      problem = e.what();
    }
    if (!problem.empty()) {
      outcome.failures.push_back(fmt::format("{}: cannot publish assets to {}: {}; run 'bootstrap' (or 'cdk bootstrap') "
                                             "there first",
                                             job.stack, env, problem));
    }
  }
}

bool AssetPublisher::run(const Job& job) {
  const std::string& region = job.env.region;
  auto progress = [&](const std::string& line) { printer_.out(fmt::format("{}: {}: {}", job.stack, job.label, line)); };
  if (job.file) {
    ClientConfig config = session_.config("s3", region);
    config.transport = options_.upload_transport;
    S3Bucket bucket(config, job.file_destination.bucket_name, session_.settings.custom_endpoint("s3"));
    return upload_if_missing(bucket, job.file_destination.object_key, job.upload, options_.upload, progress);
  }
  ClientConfig config = session_.config("ecr", region);
  config.transport = options_.upload_transport;
  if (!session_.settings.custom_endpoint("ecr")) {
    config.endpoint = fmt::format("https://api.ecr.{}.{}", region,
                                  region.rfind("cn-", 0) == 0 ? "amazonaws.com.cn" : "amazonaws.com");
  }
  return publish_image(*job.image, job.source, Ecr(config), job.image_destination, options_.docker_program,
                       progress);
}

PublishOutcome AssetPublisher::publish(const std::vector<const StackArtifact*>& stacks) {
  PublishOutcome outcome;
  std::vector<Job> jobs = plan(stacks, outcome);
  if (jobs.empty() || !outcome.ok()) return outcome;
  Scratch scratch;
  prepare(jobs, scratch.path(), outcome);
  if (outcome.ok()) resolve(jobs, outcome);
  if (outcome.ok()) check_bootstrap(jobs, outcome);
  if (!outcome.ok()) return outcome;
  std::vector<std::string> errors(jobs.size());
  std::atomic<bool> failed{false};
  std::atomic<int> published{0}, existing{0};
  run_parallel(jobs.size(), options_.concurrency, [&](size_t i) {
    const Job& job = jobs[i];
    if (failed) return;  // after a failure nothing new starts: nothing will be deployed anyway
    try {
      bool sent = run(job);
      ++(sent ? published : existing);
      printer_.out(fmt::format("{}: {}: {} {}", job.stack, job.label, sent ? "published to" : "already at",
                               job.destination()));
    } catch (const std::exception& e) {
      failed = true;
      errors[i] = fmt::format("{}: {} failed to publish to {}: {}", job.stack, job.label, job.destination(), e.what());
    }
  });
  for (auto& e : errors) {
    if (!e.empty()) outcome.failures.push_back(std::move(e));
  }
  outcome.published = published;
  outcome.existing = existing;
  return outcome;
}

}  // namespace cdk::deploy
