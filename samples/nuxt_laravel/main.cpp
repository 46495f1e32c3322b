// nuxt_laravel: a Nuxt frontend and a Laravel API on ECS Fargate (seed 004).
//
// One internet-facing Application Load Balancer terminates HTTPS (HTTP
// redirects to it) and routes /api/* to the Laravel service and everything
// else to the Nuxt service; both run in private subnets from their own ECR
// repositories. MySQL sits in isolated subnets, reachable from Laravel only,
// whose credentials reach the containers as ECS secrets. A CodePipeline takes
// each push to GitHub (through a CodeConnections connection), builds both
// images in CodeBuild and rolls them out to ECS.
//
//   build/bin/nuxt_laravel synth
//   build/bin/nuxt_laravel -c github_owner=acme -c github_repo=shop -c branch=release synth
//   build/bin/nuxt_laravel -c frontend_tasks=0 -c backend_tasks=0 deploy   # first deploy, before any image exists
#include "nuxt_laravel.hpp"

#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  nuxt_laravel::build(app, nuxt_laravel::settings_from_context(app));
  return app.run();
}
