#pragma once
// -c delivery=true: all three environments, and "NotejamDelivery", a CDK
// pipeline (cdk::pipelines) that builds this program from the infrastructure
// repository and deploys the environments in order: dev, test, then prod once
// someone approves. Each environment keeps its own application pipeline.
#include "notejam.hpp"

#include <vector>

namespace notejam {

/// What -c infra_repository= (default example-org/notejam-infra) and
/// -c infra_branch= (default main) name: where this program's source lives.
struct Delivery {
  std::string repository = "example-org/notejam-infra";
  std::string branch = "main";
};

/// -c infra_repository=owner/name, -c infra_branch=. Throws cdk::Error for a
/// repository that is not owner/name.
Delivery delivery_from_context(const cdk::App& app);

/// Adds the three environments' stacks (with `settings`' account, which is
/// required, and each environment's sizing) and the delivery stack; returns
/// the delivery stack. Throws cdk::Error without an account or with -c domain=
/// (each environment has its own name).
cdk::Stack& build_delivery(cdk::App& app, const Settings& settings, const Delivery& delivery);

}  // namespace notejam
