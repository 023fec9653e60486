// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/vfallocation.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QPalette>
#include <array>
#include <optional>

class QImage;
class QPainter;

namespace Specula::Model {

// Paints the VF allocation graph: a legend, then one horizontal stacked bar per node or pool
// (allocated, free, not created), all on one scale so that bars compare, with the counts
// beside each bar. Shared by the SR-IOV page's chart and `specula export vf`, so the window and
// the exported picture look the same.
class VfAllocationPainter
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::VfAllocationPainter)

public:
    enum class Segment { Allocated, Free, NotCreated };

    VfAllocationPainter(QList<VfAllocationRow> rows, const QFont &font, const QPalette &palette);

    const QList<VfAllocationRow> &rows() const { return m_rows; }
    // Colours that stand out on both light and dark backgrounds.
    static QColor colour(Segment segment, const QPalette &palette);
    static QString segmentName(Segment segment);

    int legendHeight() const;
    int rowHeight() const;
    // The strip a row's bar occupies inside a row of `width` pixels starting at `rowTop`.
    QRect barRect(int width, int rowTop, int rowHeight) const;
    // Which segment of row `index` lies under x, in a row `width` pixels wide.
    std::optional<Segment> segmentAt(int index, int width, int x) const;
    // "nodeA: 3 allocated, 2 free, 59 not created of 64 VFs"
    QString describe(int index) const;

    void paintLegend(QPainter &painter, const QRect &rect) const;
    // `highlighted`: the row the tables are filtered to.
    void paintRow(QPainter &painter, int index, const QRect &rect, bool highlighted) const;
    // The whole graph, every row, `width` logical pixels wide. Very long graphs get thinner rows
    // (without labels below a readable height) so that the image stays a sensible size.
    QImage image(int width, qreal devicePixelRatio) const;

private:
    // Segment boundaries (x) of row `index` inside `bar`: start, after allocated, after free, end.
    std::array<int, 4> segmentEdges(int index, const QRect &bar) const;

    QList<VfAllocationRow> m_rows;
    QFont m_font;
    QFontMetrics m_metrics;
    QPalette m_palette;
    int m_maxTotal = 0;
    int m_labelWidth = 0;
    int m_countsWidth = 0;
};

} // namespace Specula::Model
