// Asset publishing, publish-assets and the CDKToolkit bootstrap against a real
// moto_server on loopback. Images are built by a recording stand-in for docker
// (CDK_DOCKER): moto has no registry to push to, and this machine may have no
// container daemon.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "asset_fixture.hpp"
#include "cli_harness.hpp"
#include "deploy/asset_publisher.hpp"
#include "deploy/cloudformation.hpp"
#include "deploy/ecr.hpp"
#include "deploy/s3_bucket.hpp"
#include "deploy/sigv4.hpp"
#include "deploy/transport.hpp"
#include "moto_server.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;
using testing::AssetStackSpec;
using testing::CliResult;
using testing::FileAssetSpec;
using testing::ImageAssetSpec;
using testing::MotoServer;
using testing::TempDir;
using testing::write_file;

const std::string zip_hash(64, 'a');
const std::string image_hash(64, 'b');

// Read before any test moves HOME (isolate_aws_environment).
const std::string cdk_cli = [] {
  const char* cache = std::getenv("CDKPP_NPM_CACHE");
  const char* home = std::getenv("HOME");
  std::string dir = cache ? cache : std::string(home ? home : "") + "/.cache/cdkpp-npm";
  return dir + "/node_modules/.bin/cdk";
}();

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class MotoAssets : public ::testing::Test {
 protected:
  TempDir home;
  TempDir assembly;
  TempDir tools;
  MotoServer* moto = nullptr;

  void SetUp() override {
    if (!MotoServer::available()) GTEST_SKIP() << "moto_server is not on PATH";
    testing::isolate_aws_environment(home.path());
    ::unsetenv("CDK_DOCKER");
    moto = &MotoServer::shared();
    moto->reset();
  }
  void TearDown() override { ::unsetenv("CDK_DOCKER"); }

  CliResult cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--endpoint", moto->url(), "--timeout", "30"});
    return testing::run_cli(assembly.path(), std::move(args));
  }

  ClientConfig config() const {
    ClientConfig c;
    c.transport = make_curl_transport();
    c.credentials = {"AKIDMOTOTEST", "x", "", "test"};
    c.region = "us-east-1";
    c.endpoint = moto->url();
    return c;
  }
  CloudFormation cfn() const { return CloudFormation(config()); }
  S3Bucket bucket() const { return S3Bucket(config(), testing::moto_asset_bucket(), true); }

  void bootstrap() {
    CliResult r = cli({"bootstrap"});
    ASSERT_EQ(r.exit_code, 0) << explain(r);
  }

  /// A directory asset (Lambda code) staged in the assembly as asset.<hash>/.
  FileAssetSpec code_asset() {
    write_file(assembly.path() / ("asset." + zip_hash) / "index.py", "def handler(event, context):\n  return 1\n");
    write_file(assembly.path() / ("asset." + zip_hash) / "lib" / "util.py", "X = 1\n");
    return {zip_hash, "asset." + zip_hash, "zip", "App/Fn/Code"};
  }

  /// A docker stand-in that appends its arguments (one call per line) to
  /// calls.txt and its standard input to stdin.txt; `fail_build` makes build fail.
  std::filesystem::path fake_docker(bool fail_build = false) {
    auto script = tools.path() / "docker";
    std::string text = "#!/bin/sh\necho \"$*\" >> '" + (tools.path() / "calls.txt").string() + "'\n";
    text += "if [ \"$1\" = login ]; then cat >> '" + (tools.path() / "stdin.txt").string() + "'; fi\n";
    if (fail_build) text += "if [ \"$1\" = build ]; then echo 'step 2/3: RUN make: exit code 2' >&2; exit 1; fi\n";
    text += "exit 0\n";
    write_file(script, text);
    ::chmod(script.c_str(), 0755);
    return script;
  }
  std::vector<std::string> docker_calls() const {
    std::vector<std::string> lines;
    std::ifstream in(tools.path() / "calls.txt");
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  ImageAssetSpec image_asset() {
    write_file(assembly.path() / ("asset." + image_hash) / "Dockerfile", "FROM scratch\n");
    return {image_hash, "asset." + image_hash,
            {{"dockerBuildArgs", {{"STAGE", "prod"}}}, {"dockerBuildTarget", "runtime"}, {"platform", "linux/amd64"}},
            "App/Image"};
  }
};

TEST_F(MotoAssets, BootstrapCreatesCdkToolkitWithBucketRepositoryAndVersionParameter) {
  CliResult r = cli({"bootstrap"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("✅ CDKToolkit (created)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Staging bucket for us-east-1: " + testing::moto_asset_bucket()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Container repository for us-east-1: " + testing::moto_image_repository()), std::string::npos)
      << r.out;
  ClientConfig c = config();
  AwsClient ssm(c, "ssm");
  json version = json::parse(ssm.json_call("AmazonSSM", "GetParameter", R"({"Name":"/cdk-bootstrap/hnb659fds/version"})"));
  EXPECT_EQ(version["Parameter"]["Value"], "6");
  EXPECT_NE(Ecr(c).repository_uri(testing::moto_image_repository()).find(".dkr.ecr.us-east-1."), std::string::npos);
  AwsClient s3(c, "s3");
  EXPECT_EQ(s3.rest("HeadBucket", "HEAD", "/" + testing::moto_asset_bucket()).status, 200);
  AwsClient iam(c, "iam", "2010-05-08");
  for (const char* role : {"deploy", "file-publishing", "image-publishing", "lookup", "cfn-exec"}) {
    std::string name = std::string("cdk-hnb659fds-") + role + "-role-123456789012-us-east-1";
    EXPECT_NO_THROW(iam.call("GetRole", {{"RoleName", name}})) << name;
  }
  EXPECT_NE(cli({"bootstrap"}).out.find("✅ CDKToolkit (no changes)"), std::string::npos);
}

TEST_F(MotoAssets, BootstrapTakesAQualifierAndRefusesABadOne) {
  CliResult r = cli({"bootstrap", "--qualifier", "team2", "--toolkit-stack-name", "Team2Toolkit"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("cdk-team2-assets-123456789012-us-east-1"), std::string::npos) << r.out;
  CliResult bad = cli({"bootstrap", "--qualifier", "Team_2"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "error: --qualifier 'Team_2': expected 1 to 10 lower-case letters or digits\n");
}

TEST_F(MotoAssets, DeployPublishesTheLambdaCodeUnderItsHashAndASecondDeployUploadsNothing) {
  bootstrap();
  FileAssetSpec code = code_asset();
  testing::write_asset_assembly(assembly.path(), {{"App", testing::lambda_template(code), {code}}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("App: asset." + zip_hash + " (App/Fn/Code): published to s3://" + testing::moto_asset_bucket() +
                       "/" + code.object_key()),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(bucket().has_object(code.object_key()));
  auto d = cfn().describe_stack("App");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, "CREATE_COMPLETE");

  // The function's code is the object: its CodeSha256 is that of the zip we made.
  std::string function = cfn().physical_resource_id("App", "Fn");
  AwsClient lambda(config(), "lambda");
  json fn = json::parse(lambda.rest("GetFunction", "GET", "/2015-03-31/functions/" + function).body);
  HttpResponse object = AwsClient(config(), "s3").rest("GetObject", "GET",
                                                        "/" + testing::moto_asset_bucket() + "/" + code.object_key());
  std::string digest;
  for (size_t i = 0; i < 64; i += 2) digest += static_cast<char>(std::stoi(sha256_hex(object.body).substr(i, 2), nullptr, 16));
  EXPECT_EQ(base64_decode(fn["Configuration"]["CodeSha256"].get<std::string>()), digest);

  CliResult again = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(again.exit_code, 0) << explain(again);
  EXPECT_NE(again.out.find("(App/Fn/Code): already at s3://"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find("published to"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("✅ App (no changes)"), std::string::npos) << again.out;
}

// A team already on the AWS CDK bootstraps nothing twice: cdkpp deploys into `cdk bootstrap`'s CDKToolkit.
TEST_F(MotoAssets, DeployWorksInAnAccountBootstrappedByTheCdkCli) {
  if (!std::filesystem::exists(cdk_cli) || std::system("command -v node > /dev/null") != 0) {
    GTEST_SKIP() << "node or the AWS CDK CLI (" << cdk_cli << ") is not installed; the interop tests install it";
  }
  std::string command = "AWS_ENDPOINT_URL=" + moto->url() + " CDK_DISABLE_CLI_TELEMETRY=true " + cdk_cli +
                        " bootstrap aws://123456789012/us-east-1 --no-notices > " +
                        (home.path() / "bootstrap.txt").string() + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << testing::read_file(home.path() / "bootstrap.txt");
  FileAssetSpec code = code_asset();
  testing::write_asset_assembly(assembly.path(), {{"App", testing::lambda_template(code), {code}}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_TRUE(bucket().has_object(code.object_key()));
  EXPECT_EQ(cfn().describe_stack("App")->status, "CREATE_COMPLETE");
}

TEST_F(MotoAssets, PublishAssetsPublishesOnlyTheSelectedStacksAndDeploysNothing) {
  bootstrap();
  write_file(assembly.path() / "asset.one.bin", "one");
  write_file(assembly.path() / "asset.two.bin", "two");
  FileAssetSpec one{"one", "asset.one.bin", "file", "One/Asset"}, two{"two", "asset.two.bin", "file", "Two/Asset"};
  json queue = {{"Resources", {{"Queue", {{"Type", "AWS::SQS::Queue"}}}}}};
  testing::write_asset_assembly(assembly.path(), {{"One", queue, {one}}, {"Two", queue, {two}}});
  CliResult r = cli({"publish-assets", "One"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("Assets: 1 published, 0 already there"), std::string::npos) << r.out;
  EXPECT_TRUE(bucket().has_object(one.object_key()));
  EXPECT_FALSE(bucket().has_object(two.object_key()));
  EXPECT_FALSE(cfn().describe_stack("One"));
  EXPECT_NE(cli({"publish-assets"}).out.find("Assets: 1 published, 1 already there"), std::string::npos);
}

TEST_F(MotoAssets, LargeFilesGoUpInPartsWithProgress) {
  bootstrap();
  std::string big(11u << 20, 'x');
  for (size_t i = 0; i < big.size(); i += 4096) big[i] = static_cast<char>('a' + i / 4096 % 26);
  write_file(assembly.path() / "asset.big.bin", big);
  FileAssetSpec spec{"big", "asset.big.bin", "file", "App/Big"};
  testing::write_asset_assembly(assembly.path(), {{"App", {{"Resources", json::object()}}, {spec}}});
  Assembly a = read_assembly(assembly.path());
  Session session;
  session.settings = resolve_settings({.endpoint = moto->url()}, process_environment());
  session.transport = make_curl_transport();
  std::ostringstream out, err;
  Printer printer(out, err);
  AssetPublishOptions options;
  options.upload = {.multipart_threshold = 5u << 20, .part_size = 5u << 20};
  PublishOutcome outcome = AssetPublisher(session, printer, options).publish({&a.stacks[0]});
  ASSERT_TRUE(outcome.ok()) << (outcome.failures.empty() ? "" : outcome.failures[0]);
  EXPECT_NE(out.str().find("App: asset.big.bin (App/Big): uploaded part 1/3 (5.0 MiB of 11.0 MiB)"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("uploaded part 3/3 (11.0 MiB of 11.0 MiB)"), std::string::npos);
  HttpResponse object =
      AwsClient(config(), "s3").rest("GetObject", "GET", "/" + testing::moto_asset_bucket() + "/" + spec.object_key());
  EXPECT_EQ(object.body.size(), big.size());
  EXPECT_TRUE(object.body == big);
}

TEST_F(MotoAssets, ImagesAreBuiltTaggedLoggedInAndPushedWithThePasswordOnStandardInput) {
  bootstrap();
  ::setenv("CDK_DOCKER", fake_docker().c_str(), 1);
  ImageAssetSpec image = image_asset();
  testing::write_asset_assembly(assembly.path(), {{"App", {{"Resources", json::object()}}, {}, {image}}});
  CliResult r = cli({"publish-assets"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  auto calls = docker_calls();
  ASSERT_EQ(calls.size(), 4u) << r.out;
  const std::string dir = (assembly.path() / ("asset." + image_hash)).string();
  const std::string uri = Ecr(config()).repository_uri(testing::moto_image_repository());
  EXPECT_EQ(calls[0], "build --tag cdkasset-" + image_hash +
                          " --build-arg STAGE=prod --target runtime --platform linux/amd64 " + dir);
  EXPECT_EQ(calls[1], "tag cdkasset-" + image_hash + " " + uri + ":" + image_hash);
  const std::string registry = uri.substr(0, uri.find('/'));
  EXPECT_EQ(calls[2], "login --username AWS --password-stdin " + registry);
  EXPECT_EQ(calls[3], "push " + uri + ":" + image_hash);
  RegistryLogin login = Ecr(config()).login();
  EXPECT_FALSE(login.password.empty());
  EXPECT_EQ(testing::read_file(tools.path() / "stdin.txt"), login.password);
  for (const auto& c : calls) EXPECT_EQ(c.find(login.password), std::string::npos) << "password on a command line";
  EXPECT_NE(r.out.find("App: asset." + image_hash + " (App/Image): published to " + testing::moto_image_repository()),
            std::string::npos)
      << r.out;
}

TEST_F(MotoAssets, AnImageWhoseTagIsInTheRepositoryIsNotBuiltAgain) {
  bootstrap();
  ::setenv("CDK_DOCKER", fake_docker().c_str(), 1);
  ImageAssetSpec image = image_asset();
  testing::write_asset_assembly(assembly.path(), {{"App", {{"Resources", json::object()}}, {}, {image}}});
  json manifest = {{"schemaVersion", 2},
                   {"mediaType", "application/vnd.docker.distribution.manifest.v2+json"},
                   {"config", {{"mediaType", "application/vnd.docker.container.image.v1+json"}, {"size", 2},
                               {"digest", "sha256:" + std::string(64, 'c')}}},
                   {"layers", json::array()}};
  AwsClient(config(), "ecr").json_call(
      Ecr::target_prefix, "PutImage",
      json{{"repositoryName", testing::moto_image_repository()}, {"imageManifest", manifest.dump()},
           {"imageTag", image_hash}}.dump());
  CliResult r = cli({"publish-assets"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_TRUE(docker_calls().empty());
  EXPECT_NE(r.out.find("Assets: 0 published, 1 already there"), std::string::npos) << r.out;
}

TEST_F(MotoAssets, AMissingAssetFileStopsTheDeployWithOneLine) {
  bootstrap();
  FileAssetSpec missing{"gone", "asset.gone.bin", "file", "App/Gone"};
  testing::write_asset_assembly(assembly.path(), {{"App", {{"Resources", {{"Q", {{"Type", "AWS::SQS::Queue"}}}}}}, {missing}}});
  CliResult r = cli({"deploy", "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "error: App: asset.gone.bin (App/Gone) failed: the asset source " +
                       (assembly.path() / "asset.gone.bin").string() +
                       " does not exist; no stack was deployed\n");
  EXPECT_FALSE(cfn().describe_stack("App"));
}

TEST_F(MotoAssets, AFailingDockerBuildStopsTheDeployWithDockersLastLine) {
  bootstrap();
  ::setenv("CDK_DOCKER", fake_docker(true).c_str(), 1);
  testing::write_asset_assembly(assembly.path(),
                                {{"App", {{"Resources", {{"Q", {{"Type", "AWS::SQS::Queue"}}}}}}, {}, {image_asset()}}});
  CliResult r = cli({"deploy", "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count(r.err, "\n"), 1u) << r.err;
  EXPECT_NE(r.err.find("error: App: asset." + image_hash + " (App/Image) failed to publish to " +
                       testing::moto_image_repository() + ":" + image_hash + ": "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("build failed: step 2/3: RUN make: exit code 2; no stack was deployed"), std::string::npos)
      << r.err;
  EXPECT_EQ(docker_calls().size(), 1u);
  EXPECT_FALSE(cfn().describe_stack("App"));
}

TEST_F(MotoAssets, AMissingDockerfileIsReportedBeforeAnythingRuns) {
  bootstrap();
  ::setenv("CDK_DOCKER", fake_docker().c_str(), 1);
  ImageAssetSpec image = image_asset();
  image.source_extra = {{"dockerFile", "build/Dockerfile.prod"}};
  testing::write_asset_assembly(assembly.path(), {{"App", {{"Resources", json::object()}}, {}, {image}}});
  CliResult r = cli({"publish-assets"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("(App/Image) failed: there is no Dockerfile at " +
                       (assembly.path() / ("asset." + image_hash) / "build/Dockerfile.prod").string()),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(docker_calls().empty());
}

TEST_F(MotoAssets, AnEnvironmentWithoutBootstrapIsNamedAndNothingIsDeployed) {
  FileAssetSpec code = code_asset();
  testing::write_asset_assembly(assembly.path(), {{"App", testing::lambda_template(code), {code}}});
  CliResult r = cli({"deploy", "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "error: App: cannot publish assets to aws://123456789012/us-east-1: it is not bootstrapped (no SSM "
            "parameter /cdk-bootstrap/hnb659fds/version); run 'bootstrap' (or 'cdk bootstrap') there first; no stack "
            "was deployed\n");
  EXPECT_FALSE(cfn().describe_stack("App"));
}

TEST_F(MotoAssets, AnUnreachableBucketStopsTheDeployWithOneLine) {
  bootstrap();
  write_file(assembly.path() / "asset.f.bin", "f");
  FileAssetSpec spec{"f", "asset.f.bin", "file", "App/F", "no-such-bucket-${AWS::Region}"};
  testing::write_asset_assembly(assembly.path(), {{"App", {{"Resources", {{"Q", {{"Type", "AWS::SQS::Queue"}}}}}}, {spec}}});
  CliResult r = cli({"deploy", "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count(r.err, "\n"), 1u) << r.err;
  EXPECT_NE(r.err.find("error: App: asset.f.bin (App/F) failed to publish to s3://no-such-bucket-us-east-1/f.bin: "
                       "PutObject failed: NoSuchBucket"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(cfn().describe_stack("App"));
}

}  // namespace
}  // namespace cdk::deploy
