// A program with assets for the interop test: a Lambda function from a
// directory, a plain file asset and a container image, in one stack.
//   asset_app -c asset_dir=<dir holding index.py and Dockerfile> synth --out <dir>
#include <cdk/cdk.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/lambda/lambda.hpp>
#include <cdk/s3_assets/asset.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  const std::string dir = app.context_or("asset_dir", ".");
  auto& stack = app.add<cdk::Stack>("Assets");
  stack.add<cdk::lambda::Function>("Handler", {.runtime = cdk::lambda::Runtime::Python312,
                                               .handler = "index.handler",
                                               .code = cdk::lambda::Code::from_asset(dir, {.exclude = {"Dockerfile"}})});
  auto& readme = stack.add<cdk::s3_assets::Asset>("Readme", {.path = dir + "/index.py"});
  stack.add<cdk::CfnOutput>("ReadmeUrl", {.value = readme.s3_object_url()});
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("web", {.image = cdk::ecs::ContainerImage::from_asset(dir)});
  return app.run();
}
