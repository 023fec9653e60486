// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/heatmaplegend.h"

#include <QPainter>

namespace Specula::Views {
namespace {

constexpr int kMargin = 6;
constexpr int kBarWidth = 360;
constexpr int kBarHeight = 12;
constexpr int kMarks = 5;
constexpr int kBarLeft = 320; // under the heatmap's plot, right of its label columns

} // namespace

HeatmapLegend::HeatmapLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

HeatmapLegend::~HeatmapLegend() = default;

void HeatmapLegend::setScale(const Model::HeatmapScale &scale, const QString &title)
{
    m_scale = scale;
    m_title = title;
    update();
}

QSize HeatmapLegend::sizeHint() const
{
    return { kBarWidth + 400, kBarHeight + fontMetrics().height() + 3 * kMargin };
}

QRect HeatmapLegend::barRect() const
{
    const int titleWidth = fontMetrics().horizontalAdvance(m_title) + 3 * kMargin;
    return { std::max(titleWidth, kBarLeft), kMargin, kBarWidth, kBarHeight };
}

void HeatmapLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    const QRect bar = barRect();
    painter.setPen(palette().color(QPalette::WindowText));
    // Level with the bar: the marks' labels below it reach left of its start.
    painter.drawText(QRect(kMargin, bar.top() - kMargin, bar.left() - 2 * kMargin, bar.height() + 2 * kMargin),
                     Qt::AlignRight | Qt::AlignVCenter, m_title);
    // One band per level, as the heatmap paints them.
    for (int x = 0; x < bar.width(); ++x) {
        const double fraction = (x + 0.5) / bar.width();
        painter.setPen(QColor(m_scale.color(m_scale.valueAt(fraction), 0)));
        painter.drawLine(bar.left() + x, bar.top(), bar.left() + x, bar.bottom());
    }
    painter.setPen(palette().color(QPalette::WindowText));
    for (int mark = 0; mark < kMarks; ++mark) {
        const double fraction = double(mark) / (kMarks - 1);
        const int x = bar.left() + int(fraction * (bar.width() - 1));
        painter.drawLine(x, bar.bottom() + 1, x, bar.bottom() + kMargin / 2);
        const QString text = m_scale.format(m_scale.valueAt(fraction));
        const int width = metrics.horizontalAdvance(text);
        painter.drawText(QRect(x - width / 2, bar.bottom() + kMargin / 2, width, metrics.height()), Qt::AlignCenter,
                         text);
    }
    const QRect swatch(bar.right() + 3 * kMargin, bar.top(), kBarHeight, kBarHeight);
    painter.fillRect(swatch, palette().color(QPalette::Mid));
    painter.drawText(QRect(swatch.right() + kMargin, 0, width() - swatch.right(), bar.height() + 2 * kMargin),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("no data"));
}

} // namespace Specula::Views
