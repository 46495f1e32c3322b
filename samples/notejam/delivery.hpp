#pragma once
// -c delivery=true: all three environments, and "NotejamDelivery", a CDK
// pipeline (cdk::pipelines) that builds this program from the infrastructure
// repository and deploys the environments in order: dev, test, then prod once
// someone approves. Each environment keeps its own application pipeline.
// -c prod_account=<12 digits> -c prod_zone_id=<id> puts prod in another
// account (its own hosted zone for the same domain): the pipeline then
// encrypts its artifacts with a KMS key that prod's deploy role may use, and
// prod must be bootstrapped trusting the delivery account
// (`cdk bootstrap --trust <account> ... aws://<prod_account>/<region>`).
#include "notejam.hpp"

#include <vector>

namespace notejam {

/// What -c infra_repository= (default example-org/notejam-infra) and
/// -c infra_branch= (default main) name: where this program's source lives.
struct Delivery {
  std::string repository = "example-org/notejam-infra";
  std::string branch = "main";
  std::string prod_account{};  ///< -c prod_account=; default none (prod in the delivery account)
  std::string prod_zone_id{};  ///< -c prod_zone_id=: the zone's id in prod_account; required with it
};

/// -c infra_repository=owner/name, -c infra_branch=, -c prod_account=,
/// -c prod_zone_id=. Throws cdk::Error for a repository that is not
/// owner/name, a prod_account that is not 12 digits, or one without
/// prod_zone_id.
Delivery delivery_from_context(const cdk::App& app);

/// Adds the three environments' stacks (with `settings`' account, which is
/// required, and each environment's sizing) and the delivery stack; returns
/// the delivery stack. Throws cdk::Error without an account or with -c domain=
/// (each environment has its own name).
cdk::Stack& build_delivery(cdk::App& app, const Settings& settings, const Delivery& delivery);

}  // namespace notejam
