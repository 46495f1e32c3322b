#pragma once
/// Everything of cdk::wafv2's L2 helpers (the web ACL is the L1 <cdk/wafv2/cfn_web_acl.hpp>).
#include <cdk/wafv2/web_acl_association.hpp>
#include <cdk/wafv2/web_acl_scope.hpp>
