#pragma once
/// Everything of cdk::elasticache.
#include <cdk/elasticache/replication_group.hpp>
