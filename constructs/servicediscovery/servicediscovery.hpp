#pragma once
/// Everything of cdk::servicediscovery (AWS Cloud Map).
#include <cdk/servicediscovery/cname_instance.hpp>
#include <cdk/servicediscovery/dns_record_type.hpp>
#include <cdk/servicediscovery/health_check.hpp>
#include <cdk/servicediscovery/http_namespace.hpp>
#include <cdk/servicediscovery/instance_base.hpp>
#include <cdk/servicediscovery/ip_instance.hpp>
#include <cdk/servicediscovery/namespace.hpp>
#include <cdk/servicediscovery/private_dns_namespace.hpp>
#include <cdk/servicediscovery/public_dns_namespace.hpp>
#include <cdk/servicediscovery/service.hpp>
