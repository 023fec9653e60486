// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/heatmapview.h"

#include "core/offthread.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <array>
#include <cmath>

namespace Specula::Views {
namespace {

constexpr int kNodeColumn = 150;
constexpr int kDeviceColumn = 170;
constexpr int kMargin = 6;
constexpr double kMaxRowHeight = 48;

// Label spacings the time axis chooses from, in seconds.
constexpr std::array<qint64, 13> kTickSeconds { 60,   120,   300,   600,   900,   1800,  3600,
                                                7200, 10800, 21600, 43200, 86400, 604800 };

QString timeText(qint64 seconds, bool withDate)
{
    return QDateTime::fromSecsSinceEpoch(seconds).toString(withDate ? QStringLiteral("MM-dd HH:mm")
                                                                    : QStringLiteral("HH:mm"));
}

QColor textOn(QRgb background)
{
    return qGray(background) > 128 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

HeatmapView::HeatmapView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setToolTip(tr("GPUs over time: hover for the value, click to open a GPU, Ctrl+wheel to change the row height"));
    m_colorTable = Model::HeatmapScale::colorTable(palette().color(QPalette::Mid).rgb());
}

HeatmapView::~HeatmapView() = default;

QSize HeatmapView::sizeHint() const
{
    return { 900, 500 };
}

void HeatmapView::setContent(const Model::HeatmapData &data, const Model::HeatmapRaster &raster)
{
    // The last content of 40,000 rows takes milliseconds to free: not on the GUI thread.
    Core::freeOffThread(std::exchange(m_data, data));
    Core::freeOffThread(std::exchange(m_raster, raster));
    m_imageValid = false;
    m_selectedRow = m_selectedKey.isEmpty() ? -1 : m_data.find(m_selectedKey);
    if (!m_selectedKey.isEmpty() && m_selectedRow < 0) {
        m_selectedKey.clear();
        Q_EMIT selectionChanged(m_selectedKey);
    }
    updateGeometry();
    viewport()->update();
}

void HeatmapView::releaseContent()
{
    Core::freeOffThread(std::exchange(m_data, {}));
    Core::freeOffThread(std::exchange(m_raster, {}));
    m_imageValid = false;
    m_selectedRow = -1;
    updateGeometry();
    viewport()->update();
}

void HeatmapView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    verticalScrollBar()->setValue(0);
    updateGeometry();
    viewport()->update();
}

void HeatmapView::setRowHeight(double pixels)
{
    m_rowHeight = std::clamp(pixels, 1e-3, kMaxRowHeight);
    m_imageValid = false;
    updateGeometry();
    viewport()->update();
}

double HeatmapView::fittingRowHeight() const
{
    const int rows = m_data.rowCount();
    const int height = plotRect().height();
    return rows > 0 && height > 0 ? std::min(kDefaultRowHeight, double(height) / rows) : kDefaultRowHeight;
}

void HeatmapView::setSelectedKey(const QString &key)
{
    if (key == m_selectedKey)
        return;
    m_selectedKey = key;
    m_selectedRow = key.isEmpty() ? -1 : m_data.find(key);
    viewport()->update();
    Q_EMIT selectionChanged(key);
}

int HeatmapView::gutterWidth() const
{
    return kNodeColumn + kDeviceColumn;
}

int HeatmapView::axisHeight() const
{
    return m_mode == Mode::Timeline ? fontMetrics().height() + 2 * kMargin : 0;
}

QRect HeatmapView::plotRect() const
{
    return viewport()->rect().adjusted(gutterWidth(), kMargin, -kMargin, -axisHeight());
}

int HeatmapView::contentHeight() const
{
    if (m_mode == Mode::NowGrid)
        return m_groups.empty() ? 0 : m_groups.back().top + m_groups.back().height;
    return int(std::ceil(m_data.rowCount() * m_rowHeight));
}

void HeatmapView::layoutTiles()
{
    m_groups.clear();
    m_tilesPerLine = std::max(1, (plotRect().width() + kTileGap) / (kTileSize + kTileGap));
    int top = 0;
    for (int row = 0; row < m_data.rowCount();) {
        TileGroup group;
        group.first = row;
        const QString &node = m_data.row(row).node;
        while (row < m_data.rowCount() && m_data.row(row).node == node)
            ++row;
        group.count = row - group.first;
        group.top = top;
        group.height = (group.count + m_tilesPerLine - 1) / m_tilesPerLine * (kTileSize + kTileGap) + kTileGap;
        top += group.height;
        m_groups.push_back(group);
    }
}

void HeatmapView::updateGeometry()
{
    if (m_mode == Mode::NowGrid)
        layoutTiles();
    const int page = plotRect().height();
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, std::max(0, contentHeight() - page));
    bar->setPageStep(std::max(1, page));
    bar->setSingleStep(m_mode == Mode::NowGrid ? kTileSize : std::max(1, int(std::ceil(m_rowHeight)) * 3));
}

void HeatmapView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometry();
}

void HeatmapView::scrollContentsBy(int, int)
{
    viewport()->update();
}

QRectF HeatmapView::cellRect(int row, int step) const
{
    const QRect plot = plotRect();
    const int steps = m_data.axis().count;
    if (m_mode != Mode::Timeline || row < 0 || row >= m_data.rowCount() || step < 0 || step >= steps)
        return {};
    const double width = double(plot.width()) / steps;
    return { plot.left() + step * width, plot.top() + row * m_rowHeight - verticalScrollBar()->value(), width,
             m_rowHeight };
}

QRect HeatmapView::tileRect(int row) const
{
    if (m_mode != Mode::NowGrid || row < 0 || row >= m_data.rowCount())
        return {};
    const auto group = std::upper_bound(m_groups.cbegin(), m_groups.cend(), row,
                                        [](int r, const TileGroup &g) { return r < g.first; })
        - 1;
    const int at = row - group->first;
    const QRect plot = plotRect();
    return { plot.left() + at % m_tilesPerLine * (kTileSize + kTileGap),
             plot.top() + group->top + kTileGap + at / m_tilesPerLine * (kTileSize + kTileGap)
                 - verticalScrollBar()->value(),
             kTileSize, kTileSize };
}

std::pair<int, int> HeatmapView::hitAt(QPoint point) const
{
    const QRect plot = plotRect();
    if (!plot.contains(point) || m_data.rowCount() == 0)
        return { -1, -1 };
    const int y = point.y() - plot.top() + verticalScrollBar()->value();
    if (m_mode == Mode::NowGrid) {
        const auto group = std::upper_bound(m_groups.cbegin(), m_groups.cend(), y,
                                            [](int at, const TileGroup &g) { return at < g.top; })
            - 1;
        if (group < m_groups.cbegin())
            return { -1, -1 };
        const int line = (y - group->top - kTileGap) / (kTileSize + kTileGap);
        const int column = (point.x() - plot.left()) / (kTileSize + kTileGap);
        const int row = group->first + line * m_tilesPerLine + column;
        if (y < group->top + kTileGap || column >= m_tilesPerLine || row >= group->first + group->count
            || !tileRect(row).contains(point))
            return { -1, -1 };
        return { row, -1 };
    }
    const int steps = m_data.axis().count;
    const int step = std::min(steps - 1, int((point.x() - plot.left()) * double(steps) / plot.width()));
    const int first = int(y / m_rowHeight);
    if (first >= m_data.rowCount() || step < 0)
        return { -1, -1 };
    // Rows thinner than a pixel share it: the one shown is the highest, so that is the one told.
    const int end = std::clamp(int((y + 1) / m_rowHeight), first + 1, m_data.rowCount());
    int best = first;
    for (int row = first + 1; row < end; ++row) {
        if (m_raster.level(row, step) > m_raster.level(best, step))
            best = row;
    }
    return { best, step };
}

QString HeatmapView::toolTipAt(QPoint point) const
{
    const auto [row, step] = hitAt(point);
    if (row < 0)
        return {};
    const Model::HeatmapRow &device = m_data.row(row);
    const Model::HeatmapScale &scale = m_data.scale();
    QStringList lines { device.node + QStringLiteral(" · ") + device.deviceLabel(), device.uuid };
    if (!device.model.isEmpty())
        lines.append(device.model);
    const QString pods = device.podsText();
    lines.append(pods.isEmpty() ? tr("Not allocated") : tr("Pods: %1").arg(pods));
    const QString title = Model::HeatmapScale::title(m_data.metric());
    if (step >= 0) {
        const QString time
            = QDateTime::fromSecsSinceEpoch(m_data.axis().timeAt(step)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        lines.append(tr("%1 at %2: %3").arg(title, time, scale.format(m_data.value(row, step))));
    } else {
        lines.append(tr("%1 now: %2").arg(title, scale.format(device.latest)));
    }
    if (device.idleWhileAllocated)
        lines.append(tr("Idle while allocated"));
    return lines.join(QLatin1Char('\n'));
}

bool HeatmapView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    if (event->type() == QEvent::PaletteChange) {
        m_colorTable = Model::HeatmapScale::colorTable(palette().color(QPalette::Mid).rgb());
        m_imageValid = false;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void HeatmapView::select(int row, bool activate)
{
    if (row < 0 || row >= m_data.rowCount())
        return;
    setSelectedKey(m_data.row(row).key());
    // Keep the selected row in view.
    const QRect plot = plotRect();
    const QRectF rect = m_mode == Mode::NowGrid ? QRectF(tileRect(row)) : cellRect(row, 0);
    QScrollBar *bar = verticalScrollBar();
    if (rect.top() < plot.top())
        bar->setValue(bar->value() - int(std::ceil(plot.top() - rect.top())));
    else if (rect.bottom() > plot.bottom())
        bar->setValue(bar->value() + int(std::ceil(rect.bottom() - plot.bottom())));
    if (activate)
        Q_EMIT deviceActivated(m_data.row(row).uuid);
}

void HeatmapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    select(hitAt(event->position().toPoint()).first, true);
}

void HeatmapView::keyPressEvent(QKeyEvent *event)
{
    const int current = m_selectedRow;
    const int across = m_mode == Mode::NowGrid ? m_tilesPerLine : 1;
    switch (event->key()) {
    case Qt::Key_Down:
        select(std::min(m_data.rowCount() - 1, current + across), false);
        return;
    case Qt::Key_Up:
        select(std::max(0, current - across), false);
        return;
    case Qt::Key_Right:
        if (m_mode == Mode::NowGrid)
            select(std::min(m_data.rowCount() - 1, current + 1), false);
        return;
    case Qt::Key_Left:
        if (m_mode == Mode::NowGrid)
            select(std::max(0, current - 1), false);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        select(current, true);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void HeatmapView::wheelEvent(QWheelEvent *event)
{
    if (m_mode != Mode::Timeline || !(event->modifiers() & Qt::ControlModifier))
        return QAbstractScrollArea::wheelEvent(event);
    const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
    setRowHeight(std::max(fittingRowHeight(), m_rowHeight * factor));
}

void HeatmapView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    const QRect plot = plotRect();
    if (m_data.rowCount() == 0 || m_data.axis().count == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No GPU data for this metric and range"));
        return;
    }
    if (m_mode == Mode::NowGrid)
        paintTiles(painter, plot);
    else
        paintTimeline(painter, plot);
}

const QImage &HeatmapView::visibleImage(const QSize &pixels, qreal devicePixelRatio)
{
    const int scroll = verticalScrollBar()->value();
    if (!m_imageValid || m_imageScroll != scroll || m_imageRowHeight != m_rowHeight || m_image.size() != pixels) {
        m_image = m_raster.render(pixels, scroll / m_rowHeight, 1.0 / (m_rowHeight * devicePixelRatio), m_colorTable,
                                  palette().color(QPalette::Base).rgb());
        m_image.setDevicePixelRatio(devicePixelRatio);
        m_imageValid = true;
        m_imageScroll = scroll;
        m_imageRowHeight = m_rowHeight;
    }
    return m_image;
}

void HeatmapView::paintTimeline(QPainter &painter, const QRect &plot)
{
    const int scroll = verticalScrollBar()->value();
    const int rows = m_data.rowCount();
    const int firstRow = std::clamp(int(scroll / m_rowHeight), 0, rows);
    const int endRow = std::clamp(int(std::ceil((scroll + plot.height()) / m_rowHeight)), firstRow, rows);
    const qreal dpr = painter.device()->devicePixelRatioF();
    painter.drawImage(plot.topLeft(), visibleImage((QSizeF(plot.size()) * dpr).toSize(), dpr));

    painter.save();
    painter.setClipRect(plot);
    const int selected = m_selectedRow;
    if (selected >= firstRow && selected < endRow) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(plot.left() + 1, plot.top() + selected * m_rowHeight - scroll, plot.width() - 2,
                                std::max(m_rowHeight, 2.0)));
    }
    painter.restore();
    paintRowLabels(painter, plot, firstRow, endRow);
    paintAxis(painter, plot);
}

void HeatmapView::paintRowLabels(QPainter &painter, const QRect &plot, int firstRow, int endRow)
{
    const int scroll = verticalScrollBar()->value();
    const QFontMetrics metrics = fontMetrics();
    painter.save();
    painter.setClipRect(QRect(0, plot.top(), gutterWidth(), plot.height()));
    const QColor text = palette().color(QPalette::Text);
    const QColor rule = palette().color(QPalette::Mid);
    for (int row = firstRow; row < endRow;) {
        const int start = row;
        const QString &node = m_data.row(row).node;
        while (row < endRow && m_data.row(row).node == node)
            ++row;
        const double y0 = plot.top() + start * m_rowHeight - scroll;
        const double y1 = plot.top() + row * m_rowHeight - scroll;
        // Separators only where a node has room for one: thousands of them would be a grey block.
        if (start > 0 && y1 - y0 >= 3 && m_data.row(start - 1).node != node) {
            painter.setPen(rule);
            painter.drawLine(QPointF(0, y0), QPointF(gutterWidth() - 2, y0));
        }
        // The node's name stays at the top of its rows while they scroll.
        const double labelTop = std::max(y0, double(plot.top()));
        if (std::min(y1, double(plot.bottom())) - labelTop >= metrics.height()) {
            painter.setPen(text);
            painter.drawText(QRectF(kMargin, labelTop, kNodeColumn - 2 * kMargin, metrics.height()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(node, Qt::ElideMiddle, kNodeColumn - 2 * kMargin));
        }
    }
    if (m_rowHeight >= metrics.height()) {
        painter.setPen(text);
        for (int row = firstRow; row < endRow; ++row) {
            const Model::HeatmapRow &device = m_data.row(row);
            const int indent = device.migInstance ? 2 * kMargin : 0;
            const QRectF box(kNodeColumn + indent, plot.top() + row * m_rowHeight - scroll,
                             kDeviceColumn - indent - kMargin, m_rowHeight);
            painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(device.deviceLabel(), Qt::ElideRight, int(box.width())));
        }
    }
    painter.restore();
}

void HeatmapView::paintAxis(QPainter &painter, const QRect &plot)
{
    const Prom::TimeAxis &axis = m_data.axis();
    const QFontMetrics metrics = fontMetrics();
    const bool withDate = axis.last() - axis.start > 86400;
    const int labelWidth = metrics.horizontalAdvance(timeText(axis.start, withDate)) + 3 * kMargin;
    const double cell = double(plot.width()) / axis.count;
    qint64 interval = kTickSeconds.back();
    for (const qint64 seconds : kTickSeconds) {
        if (seconds >= axis.step && seconds / double(axis.step) * cell >= labelWidth) {
            interval = seconds;
            break;
        }
    }
    painter.setPen(palette().color(QPalette::Text));
    const int baseline = plot.bottom() + kMargin;
    for (qint64 t = (axis.start + interval - 1) / interval * interval; t <= axis.last(); t += interval) {
        const double x = plot.left() + ((t - axis.start) / double(axis.step) + 0.5) * cell;
        painter.drawLine(QPointF(x, plot.bottom() + 1), QPointF(x, baseline));
        const QRectF box(x - labelWidth / 2.0, baseline, labelWidth, metrics.height());
        if (box.right() > viewport()->width())
            break; // a label cut at the edge reads as another time
        painter.drawText(box, Qt::AlignCenter, timeText(t, withDate));
    }
}

void HeatmapView::paintTiles(QPainter &painter, const QRect &plot)
{
    const int scroll = verticalScrollBar()->value();
    const QFontMetrics metrics = fontMetrics();
    painter.save();
    painter.setClipRect(QRect(0, plot.top(), viewport()->width(), plot.height()));
    auto group = std::upper_bound(m_groups.cbegin(), m_groups.cend(), scroll,
                                  [](int at, const TileGroup &g) { return at < g.top + g.height; });
    const int selected = m_selectedRow;
    for (; group != m_groups.cend() && group->top < scroll + plot.height(); ++group) {
        const int y = plot.top() + group->top - scroll;
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(0, y, plot.right(), y);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(
            QRect(kMargin, y + kTileGap, gutterWidth() - 2 * kMargin, metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(m_data.row(group->first).node, Qt::ElideMiddle, gutterWidth() - 2 * kMargin));
        for (int row = group->first; row < group->first + group->count; ++row) {
            const QRect tile = tileRect(row);
            if (tile.bottom() < plot.top() || tile.top() > plot.bottom())
                continue;
            const QRgb color = m_colorTable.at(m_raster.latestLevel(row));
            painter.fillRect(tile, QColor(color));
            const double latest = m_data.row(row).latest;
            if (!std::isnan(latest)) {
                const QString text = QString::number(latest, 'f', std::fabs(latest) < 10 ? 1 : 0);
                if (metrics.horizontalAdvance(text) < kTileSize - 4) {
                    painter.setPen(textOn(color));
                    painter.drawText(tile, Qt::AlignCenter, text);
                }
            }
            if (row == selected) {
                painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
                painter.drawRect(tile.adjusted(1, 1, -1, -1));
            }
        }
    }
    painter.restore();
}

} // namespace Specula::Views
