#pragma once
/// Everything of cdk::acm.
#include <cdk/acm/certificate.hpp>
