#include "delivery.hpp"

#include <cdk/cdk.hpp>
#include <cdk/codepipeline_actions/connection.hpp>
#include <cdk/pipelines/pipelines.hpp>

#include <map>
#include <string>

namespace notejam {

using namespace cdk;

namespace {

// The context the pipeline's synth passes back, so it builds this same app.
std::map<std::string, std::string> synth_context(const Settings& s, const Delivery& d) {
  std::map<std::string, std::string> c = {
      {"delivery", "true"}, {"account", s.account}, {"region", s.region}, {"zone", s.zone}, {"zone_id", s.zone_id},
      {"repository", s.repository}, {"branch", s.branch}, {"db_password_version", std::to_string(s.db_password_version)},
      {"infra_repository", d.repository}, {"infra_branch", d.branch}};
  if (!s.alarm_email.empty()) c["alarm_email"] = s.alarm_email;
  if (s.first_deploy) c["first_deploy"] = "true";
  if (!d.prod_account.empty()) {
    c["prod_account"] = d.prod_account;
    c["prod_zone_id"] = d.prod_zone_id;
  }
  return c;
}

}  // namespace

Delivery delivery_from_context(const App& app) {
  Delivery d;
  d.repository = app.context_or("infra_repository", d.repository);
  d.branch = app.context_or("infra_branch", d.branch);
  const auto slash = d.repository.find('/');
  if (slash == 0 || slash == std::string::npos || slash + 1 == d.repository.size())
    throw Error("", "infra_repository \"" + d.repository + "\" is not a GitHub owner/name",
                "pass -c infra_repository=<owner>/<name>: the repository this program is built from");
  d.prod_account = app.context_or("prod_account", d.prod_account);
  d.prod_zone_id = app.context_or("prod_zone_id", d.prod_zone_id);
  if (d.prod_account.empty()) return d;
  if (d.prod_account.size() != 12 || d.prod_account.find_first_not_of("0123456789") != std::string::npos)
    throw Error("", "prod_account \"" + d.prod_account + "\" is not a 12-digit AWS account id", "pass -c prod_account=<12 digits>");
  if (d.prod_zone_id.empty())
    throw Error("", "prod_account " + d.prod_account + " needs the id of its own hosted zone for the domain",
                "pass -c prod_zone_id=<the zone's id in that account>");
  return d;
}

Stack& build_delivery(App& app, const Settings& settings, const Delivery& delivery) {
  if (settings.account.empty())
    throw Error("", "the delivery pipeline deploys to one account, and none is given",
                "pass -c account=<12 digits> with -c delivery=true");
  const auto stacks = build_all(app, settings, [&](Settings& s) {
    if (s.environment == "prod" && !delivery.prod_account.empty()) {
      s.account = delivery.prod_account;
      s.zone_id = delivery.prod_zone_id;
    }
  });

  auto& stack = app.add<Stack>("NotejamDelivery", {
      .env = {.account = settings.account, .region = settings.region},
      .stack_name = "notejam-delivery",
      .description = "Notejam delivery: deploys the dev, test and prod stacks from the infrastructure repository",
      .tags = {{"app", "notejam"}}});
  // Created PENDING, like the environments' connections: approve it once in the console.
  auto& github = stack.add<codepipeline_actions::CodeStarConnection>("GitHub", {.connection_name = "notejam-delivery"});
  auto& pipeline = stack.add<pipelines::CodePipeline>("Pipeline", {
      .source = pipelines::CodePipelineSource::connection(delivery.repository, delivery.branch,
                                                          {.connection_arn = github.connection_arn()}),
      // The repository holds cdkpp with this sample: tools/setup installs its build packages.
      .synth = pipelines::cmake_synth({.target = "notejam", .generator = "Ninja",
                                       .install_commands = {"tools/setup"},
                                       .context = synth_context(settings, delivery)}),
      .pipeline_name = "notejam-delivery",
      .synth_compute_type = codebuild::ComputeType::Large});
  // One pipeline stage per environment's cdk::Stage ("Dev", "Test", "Prod").
  auto stage_of = [&](const char* env) -> cdk::Stage& { return *cdk::Stage::of(*stacks.at(env)); };
  pipeline.add_stage(stage_of("dev"));
  pipeline.add_stage(stage_of("test"));
  pipeline.add_stage(stage_of("prod"),
                     {.pre = {pipelines::ManualApprovalStep{.id = "Approve", .comment = "Deploy notejam to prod?"}}});
  stack.add<CfnOutput>("DeliveryConnection", {
      .value = github.connection_arn(),
      .description = "approve this connection once in the console before the first run"});
  return stack;
}

}  // namespace notejam
