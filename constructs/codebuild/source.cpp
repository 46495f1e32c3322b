#include <cdk/codebuild/source.hpp>

#include <utility>

namespace cdk::codebuild {

Source Source::s3(S3SourceProps props) {
  Source s;
  s.kind_ = Kind::S3;
  s.s3_ = std::move(props);
  return s;
}

Source Source::git_hub(GitHubSourceProps props) {
  Source s;
  s.kind_ = Kind::GitHub;
  s.git_hub_ = std::move(props);
  return s;
}

Source Source::code_pipeline() {
  Source s;
  s.kind_ = Kind::CodePipeline;
  return s;
}

std::string Source::type_name() const {
  switch (kind_) {
    case Kind::None: return "NO_SOURCE";
    case Kind::CodePipeline: return "CODEPIPELINE";
    case Kind::S3: return "S3";
    case Kind::GitHub: return "GITHUB";
  }
  return "NO_SOURCE";
}

}  // namespace cdk::codebuild
