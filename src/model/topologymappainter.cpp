// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/topologymappainter.h"

#include "model/vfallocationpainter.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <cmath>

namespace Specula::Model {
namespace {

using Cell = TopologyMapCell;
using Segment = VfAllocationPainter::Segment;

constexpr double kTitleFontSize = 12; // scene units
constexpr double kSmallFontSize = 9;
constexpr double kLabelFontSize = 9;
constexpr double kFadedAlpha = 0.3;
constexpr int kImageMargin = 8;
// A map of thousands of nodes still has to open in an image viewer.
constexpr double kMaxImageHeight = 16000;
constexpr double kMaxImageScale = 2;

QColor warningColour(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
}

// Search matches stand out from both the held and the free colour.
QColor matchColour(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0xb7, 0x4d) : QColor(0xef, 0x6c, 0x00);
}

QColor textOn(const QColor &fill)
{
    return qGray(fill.rgb()) < 140 ? Qt::white : Qt::black;
}

QFont sized(QFont font, double pixels, bool bold = false)
{
    font.setPixelSize(std::max(1, int(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

// Blends two colours: `t` 0 gives `a`, 1 gives `b`.
QColor mix(const QColor &a, const QColor &b, double t)
{
    const auto channel
        = [t](int from, int to) { return int(std::lround(from + (to - from) * std::clamp(t, 0.0, 1.0))); };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()));
}

} // namespace

TopologyMapPainter::TopologyMapPainter(const TopologyMap &map, const QPalette &palette, const QFont &font)
    : m_map(map)
    , m_palette(palette)
    , m_font(font)
{ }

QColor TopologyMapPainter::cellColour(const TopologyMapCell &cell) const
{
    QColor colour;
    const bool byMetric = m_map.coloring() != MapColoring::Allocation && cell.kind != Cell::Kind::Vf
        && cell.kind != Cell::Kind::GpuResource;
    if (byMetric)
        colour = QColor::fromRgb(m_map.scale().color(cell.value, m_palette.color(QPalette::Mid).rgb()));
    else
        colour = VfAllocationPainter::colour(cell.held ? Segment::Allocated : Segment::Free, m_palette);
    if (cell.faded)
        colour = mix(m_palette.color(QPalette::Base), colour, kFadedAlpha);
    return colour;
}

QColor TopologyMapPainter::nodeColour(const TopologyMapNode &node) const
{
    if (std::isnan(node.aggregate))
        return m_palette.color(QPalette::Mid);
    if (m_map.coloring() != MapColoring::Allocation)
        return QColor::fromRgb(m_map.scale().color(node.aggregate, m_palette.color(QPalette::Mid).rgb()));
    return mix(VfAllocationPainter::colour(Segment::Free, m_palette),
               VfAllocationPainter::colour(Segment::Allocated, m_palette), node.aggregate);
}

void TopologyMapPainter::paintNode(QPainter &painter, int index, double lod, int selectedCell) const
{
    const TopologyMapNode &node = m_map.nodes().at(index);
    const QRectF box(QPointF(0, 0), node.rect.size());
    const QColor selection = m_palette.color(QPalette::Text);
    const QColor frame = node.ready && !node.warning ? m_palette.color(QPalette::Mid) : warningColour(m_palette);
    if (lod < kCellsFrom) {
        painter.fillRect(box, nodeColour(node));
        if (!node.ready || node.warning || selectedCell != -1 || node.match) {
            painter.setPen(QPen(selectedCell != -1 ? selection : node.match ? matchColour(m_palette) : frame, 3 / lod));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(box);
        }
        return;
    }
    painter.setPen(QPen(frame, node.ready ? 1 : 2, node.ready ? Qt::SolidLine : Qt::DashLine));
    painter.setBrush(m_palette.color(QPalette::Base));
    painter.drawRect(box);
    paintCells(painter, node, lod);

    if (lod >= kNamesFrom) {
        painter.setFont(sized(m_font, kTitleFontSize, true));
        painter.setPen(node.ready ? m_palette.color(QPalette::Text) : warningColour(m_palette));
        const QRectF title = box.adjusted(6, 2, -6, 0);
        QString text = node.name;
        if (!node.ready)
            text += tr(" · NotReady");
        if (node.unschedulable)
            text += tr(" · cordoned");
        painter.drawText(QRectF(title.topLeft(), QSizeF(title.width(), 17)), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(painter.font()).elidedText(text, Qt::ElideRight, title.width()));
        painter.setFont(sized(m_font, kSmallFontSize));
        painter.setPen(m_palette.color(QPalette::PlaceholderText));
        for (const auto &nic : node.nics) {
            QString heading = nic.name;
            if (nic.notCreated > 0)
                heading += tr(" · %n not created", nullptr, nic.notCreated);
            painter.drawText(nic.rect, Qt::AlignLeft | Qt::AlignVCenter,
                             QFontMetricsF(painter.font()).elidedText(heading, Qt::ElideRight, nic.rect.width()));
        }
    }

    if (selectedCell == -2 || node.match) {
        painter.setPen(QPen(selectedCell == -2 ? selection : matchColour(m_palette), 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(box.adjusted(1, 1, -1, -1));
    }
    if (selectedCell >= 0 && selectedCell < node.cells.size()) {
        painter.setPen(QPen(selection, 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(node.cells[selectedCell].rect.adjusted(-1.5, -1.5, 1.5, 1.5));
    }
}

void TopologyMapPainter::paintCells(QPainter &painter, const TopologyMapNode &node, double lod) const
{
    const QColor highlight = matchColour(m_palette);
    for (const auto &cell : node.cells) {
        const QColor fill = cellColour(cell);
        if (cell.kind == Cell::Kind::GpuResource) {
            // A bar: the requested share in the held colour over the free colour.
            painter.fillRect(cell.rect, VfAllocationPainter::colour(Segment::Free, m_palette));
            QRectF held = cell.rect;
            held.setWidth(cell.rect.width() * cell.fill);
            painter.fillRect(held, VfAllocationPainter::colour(Segment::Allocated, m_palette));
        } else if (cell.sliced) {
            // A GPU cut into MIG slices shows as a frame; its slices fill it.
            painter.fillRect(cell.rect, m_palette.color(QPalette::AlternateBase));
        } else {
            painter.fillRect(cell.rect, fill);
        }
        if (cell.match) {
            painter.setPen(QPen(highlight, 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(cell.rect.adjusted(-1, -1, 1, 1));
        }
        if (lod >= kLabelsFrom && !cell.sliced)
            paintCellLabel(painter, cell,
                           cell.kind == Cell::Kind::GpuResource ? m_palette.color(QPalette::Base) : fill);
    }
}

void TopologyMapPainter::paintCellLabel(QPainter &painter, const TopologyMapCell &cell, const QColor &fill) const
{
    painter.setFont(sized(m_font, kLabelFontSize));
    const QFontMetricsF metrics(painter.font());
    const QRectF area = cell.rect.adjusted(2, 1, -2, -1);
    if (area.width() < metrics.horizontalAdvance(QStringLiteral("MMM")))
        return; // a thin MIG strip: an ellipsis would say nothing
    QStringList lines;
    QString first = cell.label;
    if (!std::isnan(cell.value) && m_map.coloring() != MapColoring::Allocation)
        first += QStringLiteral(" ") + m_map.scale().format(cell.value);
    lines.append(first);
    if (!cell.pods.isEmpty()) {
        // The name alone: the namespace is in the tool tip and would push the name out.
        QString pods = cell.pods.constFirst().section(QLatin1Char('/'), 1);
        if (cell.pods.size() > 1)
            pods += tr(" +%1").arg(cell.pods.size() - 1);
        if (cell.kind == Cell::Kind::Vf || cell.kind == Cell::Kind::GpuResource)
            lines.first() += QStringLiteral(" ") + pods; // one line only
        else
            lines.append(pods);
    }
    painter.setPen(cell.kind == Cell::Kind::GpuResource ? m_palette.color(QPalette::Text) : textOn(fill));
    const double lineHeight = metrics.height();
    const int fitting = std::max(1, int(area.height() / lineHeight));
    double y = area.top() + (area.height() - std::min<qsizetype>(fitting, lines.size()) * lineHeight) / 2;
    for (int i = 0; i < lines.size() && i < fitting; ++i) {
        painter.drawText(QRectF(area.left(), y, area.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(lines[i], Qt::ElideRight, area.width()));
        y += lineHeight;
    }
}

double TopologyMapPainter::legendHeight() const
{
    return QFontMetricsF(m_font).height() + 2 * kImageMargin;
}

void TopologyMapPainter::paintLegend(QPainter &painter, const QRectF &rect) const
{
    painter.setFont(m_font);
    const QFontMetricsF metrics(m_font);
    const double swatch = metrics.height() * 0.8;
    double x = rect.left();
    const double y = rect.center().y();
    auto label = [&](const QString &text) {
        painter.setPen(m_palette.color(QPalette::Text));
        const double width = metrics.horizontalAdvance(text);
        painter.drawText(QRectF(x, rect.top(), width + 1, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += width + 12;
    };
    auto box = [&](const QColor &colour) {
        painter.fillRect(QRectF(x, y - swatch / 2, swatch, swatch), colour);
        x += swatch + 4;
    };
    label(TopologyMap::title(m_map.coloring()) + QLatin1Char(':'));
    if (m_map.coloring() == MapColoring::Allocation) {
        box(VfAllocationPainter::colour(Segment::Allocated, m_palette));
        label(tr("held by a pod"));
        box(VfAllocationPainter::colour(Segment::Free, m_palette));
        label(tr("free"));
        return;
    }
    const HeatmapScale &scale = m_map.scale();
    label(scale.format(scale.minimum()));
    const double rampWidth = 160;
    for (int i = 0; i < int(rampWidth); ++i)
        painter.fillRect(QRectF(x + i, y - swatch / 2, 1, swatch),
                         QColor::fromRgb(HeatmapScale::rampColor(i / (rampWidth - 1))));
    x += rampWidth + 4;
    label(scale.format(scale.maximum()));
    box(m_palette.color(QPalette::Mid));
    label(tr("no reading"));
    box(VfAllocationPainter::colour(Segment::Allocated, m_palette));
    label(tr("VF held"));
    box(VfAllocationPainter::colour(Segment::Free, m_palette));
    label(tr("VF free"));
}

QImage TopologyMapPainter::image(int maxWidth, qreal devicePixelRatio) const
{
    const QRectF bounds = m_map.bounds();
    double scale = kMaxImageScale;
    if (bounds.width() > 0)
        scale = std::min(scale, (maxWidth - 2 * kImageMargin) / bounds.width());
    if (bounds.height() > 0)
        scale = std::min(scale, kMaxImageHeight / bounds.height());
    const double legend = legendHeight();
    const QSizeF logical(std::max(double(maxWidth) / 2, bounds.width() * scale + 2 * kImageMargin),
                         legend + bounds.height() * scale + kImageMargin);
    QImage image((logical * devicePixelRatio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(m_palette.color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintLegend(painter, QRectF(kImageMargin, 0, logical.width() - 2 * kImageMargin, legend));
    painter.translate(kImageMargin, legend);
    painter.scale(scale, scale);
    for (int i = 0; i < m_map.nodes().size(); ++i) {
        painter.save();
        painter.translate(m_map.nodes()[i].rect.topLeft());
        paintNode(painter, i, scale * devicePixelRatio);
        painter.restore();
    }
    return image;
}

} // namespace Specula::Model
