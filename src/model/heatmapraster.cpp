// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/heatmapraster.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Specula::Model {

HeatmapRaster HeatmapRaster::build(const HeatmapData &data)
{
    HeatmapRaster raster;
    raster.m_rows = data.rowCount();
    raster.m_columns = data.axis().count;
    raster.m_stride = (qsizetype(raster.m_columns) + 3) & ~qsizetype(3);
    raster.m_levels = QByteArray(raster.m_stride * raster.m_rows, '\0');
    raster.m_latest = QByteArray(raster.m_rows, '\0');
    const HeatmapScale &scale = data.scale();
    auto *levels = reinterpret_cast<uchar *>(raster.m_levels.data());
    for (int row = 0; row < raster.m_rows; ++row) {
        uchar *line = levels + qsizetype(row) * raster.m_stride;
        const auto values = data.values(row);
        for (int column = 0; column < raster.m_columns; ++column)
            line[column] = scale.level(values[size_t(column)]);
        raster.m_latest[row] = char(scale.level(data.row(row).latest));
    }
    return raster;
}

QImage HeatmapRaster::render(QSize size, double firstRow, double rowsPerLine, const QList<QRgb> &table,
                             QRgb background) const
{
    if (size.isEmpty() || m_columns == 0 || table.size() < 256)
        return {};
    QImage image(size, QImage::Format_RGB32);
    std::vector<int> columnOf(size_t(size.width()));
    for (int x = 0; x < size.width(); ++x)
        columnOf[size_t(x)] = int(qint64(x) * m_columns / size.width());
    std::vector<uchar> folded(static_cast<size_t>(m_columns));
    const auto *levels = reinterpret_cast<const uchar *>(m_levels.constData());
    const QRgb *colors = table.constData();
    int previousFirst = -1;
    int previousEnd = -1;
    for (int y = 0; y < size.height(); ++y) {
        auto *out = reinterpret_cast<QRgb *>(image.scanLine(y));
        const int first = int(std::floor(firstRow + y * rowsPerLine));
        const int end = std::min(m_rows, std::max(first + 1, int(std::floor(firstRow + (y + 1) * rowsPerLine))));
        if (first < 0 || first >= m_rows) {
            std::fill(out, out + size.width(), background);
            continue;
        }
        // Rows taller than a pixel repeat their line.
        if (first == previousFirst && end == previousEnd) {
            std::copy_n(reinterpret_cast<const QRgb *>(image.constScanLine(y - 1)), size.width(), out);
            continue;
        }
        previousFirst = first;
        previousEnd = end;
        const uchar *line = levels + qsizetype(first) * m_stride;
        if (end - first > 1) {
            std::copy_n(line, m_columns, folded.data());
            for (int row = first + 1; row < end; ++row) {
                const uchar *source = levels + qsizetype(row) * m_stride;
                for (int column = 0; column < m_columns; ++column)
                    folded[size_t(column)] = std::max(folded[size_t(column)], source[column]);
            }
            line = folded.data();
        }
        for (int x = 0; x < size.width(); ++x)
            out[x] = colors[line[columnOf[size_t(x)]]];
    }
    return image;
}

} // namespace Specula::Model
