#include "deploy/credentials.hpp"

#include <gtest/gtest.h>

#include "deploy/errors.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::TempDir;
using testing::write_file;

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

class CredentialsChain : public ::testing::Test {
 protected:
  TempDir home;
  void SetUp() override {
    write_file(home.path() / ".aws/credentials",
               "[default]\naws_access_key_id = FILEDEFAULT\naws_secret_access_key = filesecret\n\n"
               "# a comment\n[dev]\naws_access_key_id=DEVKEY\naws_secret_access_key=devsecret\n"
               "aws_session_token = devtoken\n");
    write_file(home.path() / ".aws/config",
               "[default]\nregion = eu-west-1\n[profile dev]\nregion=ap-southeast-2\n"
               "[profile cfgonly]\naws_access_key_id = CFGKEY\naws_secret_access_key = cfgsecret\nregion = us-west-2\n");
  }
  std::map<std::string, std::string> base() const { return {{"HOME", home.path().string()}}; }
};

TEST_F(CredentialsChain, EnvironmentVariablesComeFirst) {
  auto vars = base();
  vars["AWS_ACCESS_KEY_ID"] = "ENVKEY";
  vars["AWS_SECRET_ACCESS_KEY"] = "envsecret";
  vars["AWS_SESSION_TOKEN"] = "envtoken";
  auto s = resolve_settings({}, env_of(vars));
  EXPECT_EQ(s.credentials.access_key_id, "ENVKEY");
  EXPECT_EQ(s.credentials.secret_access_key, "envsecret");
  EXPECT_EQ(s.credentials.session_token, "envtoken");
  EXPECT_EQ(s.credentials.source, "environment");
  EXPECT_EQ(s.region, "eu-west-1");  // from [default] in config
}

TEST_F(CredentialsChain, DefaultProfileOfTheSharedCredentialsFileIsUsedWithoutEnvironment) {
  auto s = resolve_settings({}, env_of(base()));
  EXPECT_EQ(s.credentials.access_key_id, "FILEDEFAULT");
  EXPECT_EQ(s.profile, "default");
}

TEST_F(CredentialsChain, AwsProfileSelectsTheProfileAndItsRegion) {
  auto vars = base();
  vars["AWS_PROFILE"] = "dev";
  auto s = resolve_settings({}, env_of(vars));
  EXPECT_EQ(s.credentials.access_key_id, "DEVKEY");
  EXPECT_EQ(s.credentials.session_token, "devtoken");
  EXPECT_EQ(s.region, "ap-southeast-2");
}

TEST_F(CredentialsChain, ExplicitProfileBeatsEnvironmentCredentials) {
  auto vars = base();
  vars["AWS_ACCESS_KEY_ID"] = "ENVKEY";
  vars["AWS_SECRET_ACCESS_KEY"] = "envsecret";
  auto s = resolve_settings({.profile = "cfgonly"}, env_of(vars));
  EXPECT_EQ(s.credentials.access_key_id, "CFGKEY");  // keys in the config file count too
  EXPECT_EQ(s.region, "us-west-2");
}

TEST_F(CredentialsChain, RegionPrecedenceIsOptionThenAwsRegionThenDefaultRegionThenProfile) {
  auto vars = base();
  vars["AWS_DEFAULT_REGION"] = "sa-east-1";
  EXPECT_EQ(resolve_settings({}, env_of(vars)).region, "sa-east-1");
  vars["AWS_REGION"] = "ca-central-1";
  EXPECT_EQ(resolve_settings({}, env_of(vars)).region, "ca-central-1");
  EXPECT_EQ(resolve_settings({.region = "eu-north-1"}, env_of(vars)).region, "eu-north-1");
}

TEST_F(CredentialsChain, FileLocationsFollowAwsSharedCredentialsFileAndAwsConfigFile) {
  TempDir other;
  write_file(other.path() / "creds", "[default]\naws_access_key_id=ELSEWHERE\naws_secret_access_key=x\n");
  write_file(other.path() / "conf", "[default]\nregion=me-south-1\n");
  auto vars = base();
  vars["AWS_SHARED_CREDENTIALS_FILE"] = (other.path() / "creds").string();
  vars["AWS_CONFIG_FILE"] = (other.path() / "conf").string();
  auto s = resolve_settings({}, env_of(vars));
  EXPECT_EQ(s.credentials.access_key_id, "ELSEWHERE");
  EXPECT_EQ(s.region, "me-south-1");
}

TEST(CredentialsChainErrors, MissingCredentialsIsAClearError) {
  TempDir empty_home;
  try {
    resolve_settings({}, env_of({{"HOME", empty_home.path().string()}}));
    FAIL() << "expected CredentialsError";
  } catch (const CredentialsError& e) {
    EXPECT_NE(std::string(e.what()).find("no AWS credentials found"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("AWS_ACCESS_KEY_ID"), std::string::npos);
  }
}

TEST(CredentialsChainErrors, UnknownProfileIsNamed) {
  TempDir empty_home;
  try {
    resolve_settings({}, env_of({{"HOME", empty_home.path().string()}, {"AWS_PROFILE", "nosuch"}}));
    FAIL() << "expected CredentialsError";
  } catch (const CredentialsError& e) {
    EXPECT_NE(std::string(e.what()).find("'nosuch' not found"), std::string::npos) << e.what();
  }
}

TEST(Endpoints, OverridesApplyInDocumentedOrder) {
  AwsSettings s;
  s.env = env_of({});
  EXPECT_EQ(s.endpoint_for("cloudformation", "eu-west-1"), "https://cloudformation.eu-west-1.amazonaws.com");
  EXPECT_EQ(s.endpoint_for("s3", "cn-north-1"), "https://s3.cn-north-1.amazonaws.com.cn");
  EXPECT_FALSE(s.custom_endpoint("s3"));
  s.env = env_of({{"AWS_ENDPOINT_URL", "http://localhost:4566"},
                  {"AWS_ENDPOINT_URL_CLOUDFORMATION", "http://127.0.0.1:5000"}});
  EXPECT_EQ(s.endpoint_for("cloudformation", "eu-west-1"), "http://127.0.0.1:5000");
  EXPECT_EQ(s.endpoint_for("s3", "eu-west-1"), "http://localhost:4566");
  EXPECT_TRUE(s.custom_endpoint("s3"));
  s.endpoint_override = "http://127.0.0.1:9999";
  EXPECT_EQ(s.endpoint_for("cloudformation", "eu-west-1"), "http://127.0.0.1:9999");
}

TEST(Ini, ParsesSectionsKeysAndIgnoresComments) {
  auto ini = parse_ini("; c\n[a]\n k = v \n# c\n[ b ]\nx=1=2\nnot a pair\n");
  EXPECT_EQ(ini["a"]["k"], "v");
  EXPECT_EQ(ini["b"]["x"], "1=2");
  EXPECT_EQ(ini["b"].size(), 1u);
}

}  // namespace
}  // namespace cdk::deploy
