// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/heatmapdata.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QMetaType>
#include <QRgb>

namespace Specula::Model {

// A heatmap's cells as colour levels (HeatmapScale::level), one byte each, in the rows' view
// order: computed once per data change off the GUI thread, so that painting only copies bytes.
// Lines are padded to 4 bytes, so a run of rows is an indexed image without a copy.
class HeatmapRaster
{
public:
    HeatmapRaster() = default;
    static HeatmapRaster build(const HeatmapData &data);

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    uchar level(int row, int column) const { return uchar(m_levels.at(qsizetype(row) * m_stride + column)); }
    // The level of the row's newest point (0: none in range).
    uchar latestLevel(int row) const { return uchar(m_latest.at(row)); }

    // Rows [first, first + count) as an indexed image `pixelRows` lines high, coloured by
    // `table` (HeatmapScale::colorTable). With fewer lines than rows, each line holds per column
    // the highest level of the rows it covers, so one busy GPU among many idle ones still shows.
    QImage image(int first, int count, int pixelRows, const QList<QRgb> &table) const;

private:
    int m_rows = 0;
    int m_columns = 0;
    qsizetype m_stride = 0;
    QByteArray m_levels;
    QByteArray m_latest;
};

} // namespace Specula::Model

Q_DECLARE_METATYPE(Specula::Model::HeatmapRaster)
