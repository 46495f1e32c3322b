#pragma once
// What Dashboard needs of a widget: its size, its checks and its JSON at a
// place on the grid, as the AWS CDK writes it. Internal.
#include <cdk/cloudwatch/widget.hpp>
#include <cdk/value.hpp>

#include <string>

namespace cdk::cloudwatch::detail {

struct WidgetSize {
  int width = 0;
  int height = 0;
};

[[nodiscard]] WidgetSize widget_size(const Widget& widget);

/// Throws the cdk::Error, at `path`, that CloudWatch or a reader would hold
/// against the widget; `where` names it ("row 2, widget 1 (GraphWidget \"CPU\")").
void check_widget(const std::string& path, const std::string& where, const Widget& widget);

/// The widget's entry in the body's "widgets" list, at grid position x, y.
[[nodiscard]] Value widget_json(const Widget& widget, int x, int y);

}  // namespace cdk::cloudwatch::detail
