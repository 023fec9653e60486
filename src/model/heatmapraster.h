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

    // A picture of `size` pixels (Format_RGB32) coloured by `table` (HeatmapScale::colorTable):
    // pixel column x shows step x · columns / width; pixel line y the rows from
    // firstRow + y · rowsPerLine up to the next line's (at least one). Where several rows share a
    // line, it shows per column their highest level, so one busy GPU among many idle ones still
    // shows. Lines below the last row are `background`.
    QImage render(QSize size, double firstRow, double rowsPerLine, const QList<QRgb> &table, QRgb background) const;

private:
    int m_rows = 0;
    int m_columns = 0;
    qsizetype m_stride = 0;
    QByteArray m_levels;
    QByteArray m_latest;
};

} // namespace Specula::Model

Q_DECLARE_METATYPE(Specula::Model::HeatmapRaster)
