#pragma once
/// Everything of cdk::secretsmanager.
#include <cdk/secretsmanager/secret.hpp>
