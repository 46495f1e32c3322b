#pragma once
/// Everything of cdk::ecr.
#include <cdk/ecr/repository.hpp>
