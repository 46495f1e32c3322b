// codebuild::BuildSpec: the typed spec rendered as the JSON text the AWS CDK's
// BuildSpec.fromObject writes (two-space indent, keys in the buildspec
// reference's order), tokens joined in, file names passed through, checks.
#include "support/expect_error.hpp"

#include <cdk/cdk.hpp>
#include <cdk/codebuild/build_spec.hpp>
#include <cdk/codebuild/report_group.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

namespace codebuild = cdk::codebuild;
using cdk::testing::expect_error;

TEST(BuildSpecTest, RendersPhasesEnvArtifactsAndCacheAsIndentedJson) {
  auto spec = codebuild::BuildSpec::from_object({
      .env_shell = "bash",
      .env_variables = {{"MODE", "release"}},
      .env_parameter_store = {{"DB_HOST", "/app/db/host"}},
      .runtime_versions = {{"python", "3.12"}},
      .install = {.commands = {"pip install conan"}},
      .build = {.commands = {"cmake -S . -B build", "cmake --build build"}, .finally = {"echo done"}},
      .artifact_files = {"**/*"},
      .artifact_base_directory = "build/dist",
      .cache_paths = {"/root/.conan2/**/*"}});
  EXPECT_EQ(spec.render(), cdk::Value(R"({
  "version": "0.2",
  "env": {
    "shell": "bash",
    "variables": {
      "MODE": "release"
    },
    "parameter-store": {
      "DB_HOST": "/app/db/host"
    }
  },
  "phases": {
    "install": {
      "runtime-versions": {
        "python": "3.12"
      },
      "commands": [
        "pip install conan"
      ]
    },
    "build": {
      "commands": [
        "cmake -S . -B build",
        "cmake --build build"
      ],
      "finally": [
        "echo done"
      ]
    }
  },
  "artifacts": {
    "files": [
      "**/*"
    ],
    "base-directory": "build/dist"
  },
  "cache": {
    "paths": [
      "/root/.conan2/**/*"
    ]
  }
})"));
  EXPECT_TRUE(spec.is_immediate());
}

TEST(BuildSpecTest, EscapesTextAndJoinsTokensIntoTheText) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& group = stack.add<codebuild::ReportGroup>("Unit");
  auto spec = codebuild::BuildSpec::from_object({
      .env_variables = {{"QUOTE", "say \"hi\"\n"}},
      .build = {.commands = {"ctest"}},
      .reports = {{group.report_group_arn(), {.files = {"junit.xml"}, .file_format = "JUNITXML"}}}});
  const auto text = spec.render();
  ASSERT_EQ(text.kind(), cdk::Value::Kind::Intrinsic);
  EXPECT_EQ(text.name(), "Fn::Join");
  const auto& parts = text.argument().as_list().at(1).as_list();
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_THAT(parts[0].as_string(), ::testing::HasSubstr(R"("QUOTE": "say \"hi\"\n")"));
  EXPECT_THAT(parts[0].as_string(), ::testing::EndsWith("\"reports\": {\n    \""));
  EXPECT_EQ(parts[1], group.report_group_arn());
  EXPECT_THAT(parts[2].as_string(), ::testing::StartsWith("\": {\n      \"files\": [\n        \"junit.xml\"\n      ],\n"
                                                          "      \"file-format\": \"JUNITXML\""));
}

TEST(BuildSpecTest, AFileNameIsPassedThroughAndNoSpecRendersNothing) {
  EXPECT_EQ(codebuild::BuildSpec::from_source_filename("ci/buildspec.yml").render(), cdk::Value("ci/buildspec.yml"));
  EXPECT_FALSE(codebuild::BuildSpec::from_source_filename("ci/buildspec.yml").is_immediate());
  EXPECT_TRUE(codebuild::BuildSpec().render().is_null());
}

TEST(BuildSpecTest, RefusesSpecsCodeBuildWouldRefuseOrThatDoNothing) {
  const std::string path = "Stack/Build";
  expect_error([&] { codebuild::BuildSpec::from_object({}).check(path); }, path, "the buildspec runs no command");
  expect_error([&] { codebuild::BuildSpec::from_object({.version = "1.0", .build = {.commands = {"make"}}}).check(path); },
               path, "buildspec version \"1.0\"");
  expect_error([&] {
    codebuild::BuildSpec::from_object({.build = {.commands = {"make"}, .on_failure = "RETRY"}}).check(path);
  }, path, "on_failure \"RETRY\"");
  expect_error([&] {
    codebuild::BuildSpec::from_object({.build = {.commands = {"make"}}, .artifact_base_directory = "out"}).check(path);
  }, path, "artifact options but no artifact_files");
  expect_error([&] {
    codebuild::BuildSpec::from_object({.build = {.commands = {"make"}}, .reports = {{"unit", {}}}}).check(path);
  }, path, "report \"unit\" has no files");
  expect_error([&] { codebuild::BuildSpec::from_source_filename("").check(path); }, path, "has no file name");
}

}  // namespace
