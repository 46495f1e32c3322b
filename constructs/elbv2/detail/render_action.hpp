#pragma once
// Internal: fills a CfnListener or CfnListenerRule action from a ListenerAction
// (the two L1 action types have the same fields).
#include <cdk/elbv2/listener_action.hpp>
#include <cdk/elbv2/target_group.hpp>

#include <string>

namespace cdk::elbv2::detail {

template <class Action, class Forward, class Tuple, class Redirect, class Fixed>
Action render_action(const ListenerAction& a) {
  Action out;
  switch (a.kind()) {
    case ListenerAction::Kind::Forward:
      out.type = "forward";
      if (a.target_groups().size() == 1) {
        out.target_group_arn = a.target_groups().front()->target_group_arn();
      } else {
        Forward f;
        for (const auto& g : a.target_groups()) f.target_groups.push_back(Tuple{.target_group_arn = g->target_group_arn(), .weight = 1});
        out.forward_config = std::move(f);
      }
      break;
    case ListenerAction::Kind::Redirect: {
      const RedirectOptions& r = a.redirect_options();
      out.type = "redirect";
      Redirect rc;
      if (!r.host.empty()) rc.host = r.host;
      if (!r.path.empty()) rc.path = r.path;
      if (!r.port.empty()) rc.port = r.port;
      if (!r.protocol.empty()) rc.protocol = r.protocol;
      if (!r.query.empty()) rc.query = r.query;
      rc.status_code = r.permanent ? "HTTP_301" : "HTTP_302";
      out.redirect_config = std::move(rc);
      break;
    }
    case ListenerAction::Kind::FixedResponse: {
      out.type = "fixed-response";
      Fixed fc;
      fc.status_code = std::to_string(a.status_code());
      if (!a.content_type().empty()) fc.content_type = a.content_type();
      if (!a.message_body().empty()) fc.message_body = a.message_body();
      out.fixed_response_config = std::move(fc);
      break;
    }
  }
  return out;
}

}  // namespace cdk::elbv2::detail
