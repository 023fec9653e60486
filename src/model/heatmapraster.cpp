// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/heatmapraster.h"

#include <algorithm>

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

QImage HeatmapRaster::image(int first, int count, int pixelRows, const QList<QRgb> &table) const
{
    first = std::clamp(first, 0, m_rows);
    count = std::clamp(count, 0, m_rows - first);
    if (count == 0 || pixelRows <= 0 || m_columns == 0)
        return {};
    const auto *levels = reinterpret_cast<const uchar *>(m_levels.constData());
    if (pixelRows >= count) {
        // The rows as they are: the image shares the bytes and keeps them alive while it lives.
        auto *keep = new QByteArray(m_levels);
        QImage image(
            levels + qsizetype(first) * m_stride, m_columns, count, m_stride, QImage::Format_Indexed8,
            [](void *bytes) { delete static_cast<QByteArray *>(bytes); }, keep);
        image.setColorTable(table);
        return image;
    }
    QImage image(m_columns, pixelRows, QImage::Format_Indexed8);
    image.setColorTable(table);
    image.fill(0);
    for (int row = 0; row < count; ++row) {
        const int line = int(qint64(row) * pixelRows / count);
        uchar *target = image.scanLine(line);
        const uchar *source = levels + qsizetype(first + row) * m_stride;
        for (int column = 0; column < m_columns; ++column)
            target[column] = std::max(target[column], source[column]);
    }
    return image;
}

} // namespace Specula::Model
