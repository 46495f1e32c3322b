#pragma once
/// Everything of cdk::rds.
#include <cdk/rds/aurora_cluster.hpp>
#include <cdk/rds/cluster_instance.hpp>
#include <cdk/rds/database_instance.hpp>
#include <cdk/rds/engine.hpp>
