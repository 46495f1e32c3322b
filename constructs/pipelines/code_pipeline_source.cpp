#include <cdk/pipelines/code_pipeline_source.hpp>

#include <cdk/codepipeline/artifact.hpp>
#include <cdk/codepipeline/stage.hpp>
#include <cdk/codepipeline_actions/codestar_connections_source_action.hpp>
#include <cdk/error.hpp>
#include <cdk/s3/bucket.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::pipelines {

namespace {

// Artifact names take letters, digits, '_' and '-'; action names '.' and '@' too.
std::string sanitized(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-'; },
                  '_');
  return text;
}

}  // namespace

CodePipelineSource CodePipelineSource::connection(std::string repo_string, std::string branch, ConnectionSourceOptions options) {
  const auto slash = repo_string.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == repo_string.size() || repo_string.find('/', slash + 1) != std::string::npos)
    throw Error("CodePipelineSource", "\"" + repo_string + "\" is not an \"owner/repo\" string", "write it like \"acme/infra\"");
  if (branch.empty()) throw Error("CodePipelineSource", "the source of " + repo_string + " has no branch", "name the branch to build");
  if (options.connection_arn.is_null())
    throw Error("CodePipelineSource", "the source of " + repo_string + " has no connection_arn",
                "set .connection_arn (a CodeStar connection, made once in the console or by codepipeline_actions::CodeStarConnection)");
  CodePipelineSource s;
  s.kind_ = Kind::Connection;
  s.owner_ = repo_string.substr(0, slash);
  s.repo_ = repo_string.substr(slash + 1);
  s.branch_ = std::move(branch);
  s.connection_ = std::move(options);
  return s;
}

CodePipelineSource CodePipelineSource::s3(s3::Bucket& bucket, std::string object_key, S3SourceOptions options) {
  if (object_key.empty())
    throw Error(bucket.node().path(), "the S3 source has no object key", "name the .zip object the pipeline reads");
  CodePipelineSource s;
  s.kind_ = Kind::S3;
  s.bucket_ = bucket;
  s.key_ = std::move(object_key);
  s.s3_ = std::move(options);
  return s;
}

std::string CodePipelineSource::action_name() const {
  if (kind_ == Kind::Connection) return connection_.action_name.empty() ? sanitized(owner_ + "_" + repo_) : connection_.action_name;
  return s3_.action_name.empty() ? sanitized(bucket_->node().id()) : s3_.action_name;
}

std::string CodePipelineSource::artifact_name() const {
  return sanitized(kind_ == Kind::Connection ? owner_ + "_" + repo_ + "_Source" : bucket_->node().id() + "_Source");
}

void CodePipelineSource::add_to(codepipeline::Stage& stage, const codepipeline::Artifact& output) const {
  if (kind_ == Kind::Connection) {
    stage.add_action(codepipeline_actions::CodeStarConnectionsSourceAction{
        .action_name = action_name(), .connection_arn = connection_.connection_arn, .owner = owner_, .repo = repo_,
        .branch = branch_, .output = output, .code_build_clone_output = connection_.code_build_clone_output,
        .trigger_on_push = connection_.trigger_on_push});
    return;
  }
  stage.add_action(codepipeline_actions::S3SourceAction{
      .action_name = action_name(), .bucket = bucket_, .bucket_key = key_, .output = output, .trigger = s3_.trigger});
}

}  // namespace cdk::pipelines
