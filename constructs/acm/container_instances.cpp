// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/acm/certificate.hpp>

CDKPP_MAP_INSTANCE(cdk::Ptr<cdk::route53::IHostedZone>);
