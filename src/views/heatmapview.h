// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/heatmapdata.h"
#include "model/heatmapraster.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <vector>

namespace Specula::Views {

// A heatmap of GPUs over time: one row per GPU or MIG slice (node name and device on the left,
// the node's name once per run of its rows), one column per step, time labels below. Paints
// only what is visible, from a raster of colour levels prepared off the GUI thread; when rows
// are thinner than a pixel, each pixel line shows the highest level of the rows it covers. The
// "now" grid shows one tile per device with its newest value instead, grouped by node. Hovering
// tells the exact value, device, pods and time; a click selects a device and reports its UUID.
// New data with the same rows keeps the selection and the scroll position.
class HeatmapView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatmapView)

public:
    enum class Mode { Timeline, NowGrid };

    static constexpr double kDefaultRowHeight = 14;
    static constexpr int kTileSize = 40;
    static constexpr int kTileGap = 4;

    explicit HeatmapView(QWidget *parent = nullptr);
    ~HeatmapView() override;

    // `raster` must be HeatmapRaster::build(data).
    void setContent(const Model::HeatmapData &data, const Model::HeatmapRaster &raster);
    // Frees the rows and their picture until the next setContent(), which selects the same key
    // again.
    void releaseContent();
    const Model::HeatmapData &data() const { return m_data; }

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Pixels per row; below 1 several rows share a pixel line.
    void setRowHeight(double pixels);
    double rowHeight() const { return m_rowHeight; }
    // The row height that shows every row in the current viewport (at most the default).
    double fittingRowHeight() const;

    // HeatmapRow::key() of the selected row; empty when none.
    QString selectedKey() const { return m_selectedKey; }
    void setSelectedKey(const QString &key);

    // Where cells and tiles are, in viewport coordinates (empty when not visible).
    QRect plotRect() const;
    QRectF cellRect(int row, int step) const;
    QRect tileRect(int row) const;
    // The shown row and step under a viewport point (step -1 in the now grid); row -1 for none.
    std::pair<int, int> hitAt(QPoint point) const;
    // What hovering at a viewport point tells; empty over no cell or tile.
    QString toolTipAt(QPoint point) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void deviceActivated(const QString &uuid);
    void selectionChanged(const QString &key);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct TileGroup
    {
        int first = 0;
        int count = 0;
        int top = 0; // content y
        int height = 0;
    };

    void updateGeometry();
    void layoutTiles();
    int contentHeight() const;
    int gutterWidth() const;
    int axisHeight() const;
    void paintTimeline(QPainter &painter, const QRect &plot);
    void paintRowLabels(QPainter &painter, const QRect &plot, int firstRow, int endRow);
    void paintAxis(QPainter &painter, const QRect &plot);
    void paintTiles(QPainter &painter, const QRect &plot);
    const QImage &visibleImage(const QSize &pixels, qreal devicePixelRatio);
    void select(int row, bool activate);

    Model::HeatmapData m_data;
    Model::HeatmapRaster m_raster;
    QList<QRgb> m_colorTable;
    Mode m_mode = Mode::Timeline;
    double m_rowHeight = kDefaultRowHeight;
    QString m_selectedKey;
    int m_selectedRow = -1; // of m_selectedKey in m_data, kept so that painting need not look it up
    std::vector<TileGroup> m_groups;
    int m_tilesPerLine = 1;

    // The plot as last painted, in device pixels, and where it was: a repaint at the same scroll
    // position and row height only copies it.
    QImage m_image;
    bool m_imageValid = false;
    int m_imageScroll = 0;
    double m_imageRowHeight = 0;
};

} // namespace Specula::Views
