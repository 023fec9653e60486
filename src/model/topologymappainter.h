// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/topologymap.h"

#include <QCoreApplication>
#include <QFont>
#include <QPalette>

class QImage;
class QPainter;

namespace Specula::Model {

// Paints the topology map's node boxes with a level of detail chosen by the zoom: from afar one
// colour per node (the GPUs' mean value, or the share held); closer, every GPU, MIG slice and VF
// as a coloured cell; closer still, node and NIC names, then device and pod labels on the cells.
// Shared by the map view and `specula export topology`, so both look the same.
class TopologyMapPainter
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::TopologyMapPainter)

public:
    // Device pixels per scene unit from which each detail shows.
    static constexpr double kCellsFrom = 0.3;
    static constexpr double kNamesFrom = 0.7;
    static constexpr double kLabelsFrom = 1.2;

    TopologyMapPainter(const TopologyMap &map, const QPalette &palette, const QFont &font);

    // Paints node `index` in its own coordinates (its box's top left at 0,0). `lod`: device pixels
    // per scene unit; `selectedCell`: the cell to outline, -2 for the whole box, -1 for none.
    void paintNode(QPainter &painter, int index, double lod, int selectedCell = -1) const;
    // The colour key for the map's colouring, in one line.
    void paintLegend(QPainter &painter, const QRectF &rect) const;
    double legendHeight() const;
    QColor cellColour(const TopologyMapCell &cell) const;
    QColor nodeColour(const TopologyMapNode &node) const;
    // The whole map at most `maxWidth` logical pixels wide (scaled up to twice its size when it
    // is small, so that labels show), with the legend above it.
    QImage image(int maxWidth, qreal devicePixelRatio) const;

private:
    void paintCells(QPainter &painter, const TopologyMapNode &node, double lod) const;
    void paintCellLabel(QPainter &painter, const TopologyMapCell &cell, const QColor &fill) const;

    const TopologyMap &m_map;
    QPalette m_palette;
    QFont m_font;
};

} // namespace Specula::Model
