// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/timeserieschart.h"

#include "model/minmaxdecimation.h"
#include "views/charts/chartviewport.h"

#include <QAction>
#include <QChart>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>
#include <limits>

namespace Specula::Views {
namespace {

// Tableau 10: tells ten lines apart in light and dark palettes and for most colour vision.
const QList<QColor> kPalette
    = { QColor(QRgb(0x4e79a7)), QColor(QRgb(0xf28e2b)), QColor(QRgb(0xe15759)), QColor(QRgb(0x76b7b2)),
        QColor(QRgb(0x59a14f)), QColor(QRgb(0xedc948)), QColor(QRgb(0xb07aa1)), QColor(QRgb(0xff9da7)),
        QColor(QRgb(0x9c755f)), QColor(QRgb(0xbab0ac)) };

constexpr int kMinBuckets = 50;
constexpr int kMaxBuckets = 5000; // 2 points each: no line draws more than ~10k points

struct Prefix
{
    double factor;
    QString unit;
};

// The prefix that keeps the largest value shown below 1000 (1024 for binary units).
Prefix prefixFor(const QString &unit, double largest)
{
    struct Ladder
    {
        QString unit;
        double base;
        QStringList steps;
    };
    static const QList<Ladder> ladders = {
        { QStringLiteral("bytes"),
          1024,
          { QStringLiteral("B"), QStringLiteral("KiB"), QStringLiteral("MiB"), QStringLiteral("GiB"),
            QStringLiteral("TiB") } },
        { QStringLiteral("B/s"),
          1024,
          { QStringLiteral("B/s"), QStringLiteral("KiB/s"), QStringLiteral("MiB/s"), QStringLiteral("GiB/s") } },
        { QStringLiteral("MiB"), 1024, { QStringLiteral("MiB"), QStringLiteral("GiB"), QStringLiteral("TiB") } },
        { QStringLiteral("J"),
          1000,
          { QStringLiteral("J"), QStringLiteral("kJ"), QStringLiteral("MJ"), QStringLiteral("GJ") } },
        { QStringLiteral("W"), 1000, { QStringLiteral("W"), QStringLiteral("kW"), QStringLiteral("MW") } },
    };
    for (const Ladder &ladder : ladders) {
        if (ladder.unit != unit)
            continue;
        double factor = 1;
        int step = 0;
        while (step + 1 < ladder.steps.size() && largest / factor >= ladder.base) {
            factor *= ladder.base;
            ++step;
        }
        return { factor, ladder.steps.at(step) };
    }
    return { 1, unit };
}

QString formatValue(double value)
{
    // Five significant digits, never an exponent for what a person reads off a chart.
    const int digits = std::abs(value) >= 1e5 ? 0 : 5;
    return digits == 0 ? QLocale().toString(value, 'f', 0) : QLocale().toString(value, 'g', digits);
}

QString timeFormat(double spanMs)
{
    if (spanMs <= 10 * 60 * 1000.0)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 24 * 3600 * 1000.0)
        return QStringLiteral("HH:mm");
    return QStringLiteral("MMM d HH:mm");
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new ChartViewport(m_chart, this))
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
    , m_crosshair(new QGraphicsLineItem(m_chart))
    , m_readoutBox(new QGraphicsRectItem(m_chart))
    , m_readout(new QGraphicsSimpleTextItem(m_readoutBox))
    , m_redecimateTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumSize(280, 200);

    // The chart draws its own background: it follows a dark window palette.
    m_chart->setTheme(palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                          : QChart::ChartThemeLight);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setTickCount(6);

    QPen crosshairPen(palette().color(QPalette::WindowText));
    crosshairPen.setStyle(Qt::DashLine);
    m_crosshair->setPen(crosshairPen);
    m_crosshair->setZValue(100);
    m_readoutBox->setZValue(101);
    QColor boxColor = palette().color(QPalette::ToolTipBase);
    boxColor.setAlpha(230);
    m_readoutBox->setBrush(boxColor);
    m_readoutBox->setPen(QPen(palette().color(QPalette::Mid)));
    m_readout->setBrush(palette().color(QPalette::ToolTipText));
    hideCrosshair();

    // Zooming fires several range changes in a row; the lines are decimated once afterwards.
    m_redecimateTimer->setSingleShot(true);
    m_redecimateTimer->setInterval(0);
    connect(m_redecimateTimer, &QTimer::timeout, this, &TimeSeriesChart::redecimate);

    connect(m_view, &ChartViewport::zoomRequested, this, &TimeSeriesChart::zoomBy);
    connect(m_view, &ChartViewport::panRequested, this, &TimeSeriesChart::panBy);
    connect(m_view, &ChartViewport::spanSelected, this, &TimeSeriesChart::selectSpan);
    connect(m_view, &ChartViewport::resetRequested, this, &TimeSeriesChart::resetZoom);
    connect(m_view, &ChartViewport::hovered, this, &TimeSeriesChart::hover);
    connect(m_view, &ChartViewport::left, this, &TimeSeriesChart::hideCrosshair);

    auto *reset = new QAction(tr("Show All"), this);
    reset->setToolTip(tr("Show the whole time range (double-click)"));
    reset->setShortcut(Qt::Key_Home);
    reset->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(reset, &QAction::triggered, this, &TimeSeriesChart::resetZoom);
    auto *savePng = new QAction(tr("Save Image…"), this);
    savePng->setToolTip(tr("Save this chart as a PNG image"));
    connect(savePng, &QAction::triggered, this, &TimeSeriesChart::saveImageAs);
    auto *saveCsv = new QAction(tr("Save Numbers…"), this);
    saveCsv->setToolTip(tr("Save the numbers of this chart as CSV"));
    connect(saveCsv, &QAction::triggered, this, &TimeSeriesChart::saveCsvAs);
    m_view->addActions({ reset, savePng, saveCsv });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    addAction(reset);
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

QString TimeSeriesChart::title() const
{
    return m_chart->title();
}

void TimeSeriesChart::setUnit(const QString &unit)
{
    m_unit = unit;
    rebuildLines();
    redecimate();
}

QString TimeSeriesChart::displayUnit() const
{
    return m_scaledUnit;
}

void TimeSeriesChart::setSeries(const QList<Prom::SeriesStore> &stores, const Prom::SeriesCsv::NameFunction &name)
{
    m_stores = stores;
    m_name = name;
    rebuildLines();
    const auto [from, to] = dataRangeMs();
    setRangeMs(from, to);
    redecimate();
}

void TimeSeriesChart::clear()
{
    setSeries({});
}

void TimeSeriesChart::rebuildLines()
{
    hideCrosshair();
    for (const Line &line : std::as_const(m_lines)) {
        for (QLineSeries *segment : line.segments) {
            m_chart->removeSeries(segment);
            delete segment;
        }
    }
    m_lines.clear();
    double largest = 0;
    for (const Prom::SeriesStore &store : std::as_const(m_stores)) {
        for (const int id : store.idsInLabelOrder()) {
            Line line;
            line.name = m_name ? m_name(store.labels(id)) : Prom::SeriesStore::compactName(store.labels(id));
            line.store = store;
            line.id = id;
            line.color = kPalette.at(m_lines.size() % kPalette.size());
            for (const double v : store.values(id)) {
                if (std::isfinite(v))
                    largest = std::max(largest, std::abs(v));
            }
            m_lines.append(line);
        }
    }
    const Prefix prefix = prefixFor(m_unit, largest);
    m_scale = prefix.factor;
    m_scaledUnit = prefix.unit;
    m_valueAxis->setTitleText(m_scaledUnit);
    // Many names fit better one under the other.
    m_chart->legend()->setAlignment(m_lines.size() > 4 ? Qt::AlignRight : Qt::AlignBottom);
}

std::pair<double, double> TimeSeriesChart::dataRangeMs() const
{
    double from = 0;
    double to = 0;
    bool any = false;
    for (const Prom::SeriesStore &store : m_stores) {
        if (!store.axis().isValid())
            continue;
        const double start = double(store.axis().start) * 1000;
        const double end = double(store.axis().last()) * 1000;
        from = any ? std::min(from, start) : start;
        to = any ? std::max(to, end) : end;
        any = true;
    }
    if (!any || to <= from) {
        // Something to draw an empty axis over: the last hour, or a minute around a lone point.
        const double now = any ? from : double(QDateTime::currentMSecsSinceEpoch());
        return { now - (any ? 30'000 : 3'600'000), now + (any ? 30'000 : 0) };
    }
    return { from, to };
}

int TimeSeriesChart::bucketCount() const
{
    // The view's width rather than the plot's: the plot area shifts by a few pixels whenever the
    // axis labels change, which new points do, and must not set off another decimation.
    return std::clamp(m_view->viewport()->width(), kMinBuckets, kMaxBuckets);
}

void TimeSeriesChart::redecimate()
{
    const int buckets = bucketCount();
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (int index = 0; index < m_lines.size(); ++index) {
        Line &line = m_lines[index];
        const Prom::TimeAxis &axis = line.store.axis();
        const QList<QPointF> points = axis.isValid()
            ? Model::MinMaxDecimation::decimate(double(axis.start) * 1000, double(axis.step) * 1000,
                                                line.store.values(line.id), m_fromMs, m_toMs, buckets)
            : QList<QPointF>();
        // One Qt Charts series per stretch between breaks: QLineSeries cannot draw a gap.
        QList<QList<QPointF>> stretches(1);
        for (const QPointF &point : points) {
            if (Model::MinMaxDecimation::isBreak(point)) {
                stretches.append(QList<QPointF>());
                continue;
            }
            const QPointF shown(point.x(), point.y() / m_scale);
            stretches.last().append(shown);
            if (line.visible && point.x() >= m_fromMs && point.x() <= m_toMs) {
                low = std::min(low, shown.y());
                high = std::max(high, shown.y());
            }
        }
        while (line.segments.size() < stretches.size()) {
            auto *segment = new QLineSeries;
            QPen pen(line.color);
            pen.setWidthF(1.5);
            segment->setPen(pen);
            segment->setName(line.name);
            m_chart->addSeries(segment);
            segment->attachAxis(m_timeAxis);
            segment->attachAxis(m_valueAxis);
            segment->setVisible(line.visible);
            if (line.segments.isEmpty()) {
                // The first stretch carries the line's legend entry; a click toggles the line.
                for (QLegendMarker *marker : m_chart->legend()->markers(segment))
                    connect(marker, &QLegendMarker::clicked, this,
                            [this, index] { setLineVisible(index, !isLineVisible(index)); });
            }
            line.segments.append(segment);
        }
        while (line.segments.size() > stretches.size()) {
            QLineSeries *segment = line.segments.takeLast();
            m_chart->removeSeries(segment);
            delete segment;
        }
        for (qsizetype i = 0; i < stretches.size(); ++i)
            line.segments.at(i)->replace(stretches.at(i));
        styleMarker(line);
    }
    if (!(low <= high)) {
        low = 0;
        high = 1;
    }
    // Zero stays in sight unless it would flatten what moves (a counter far from zero).
    if (low > 0 && high - low < 0.25 * high)
        low -= (high - low) * 0.05;
    else
        low = std::min(low, 0.0);
    // Flat lines get some room.
    if (high - low < 1e-9 * std::max(1.0, std::abs(high))) {
        if (high == 0)
            high = 1;
        else
            low -= std::max(1.0, std::abs(high) * 0.01);
    }
    m_valueAxis->setRange(low, high + (high - low) * 0.05);
    m_valueAxis->applyNiceNumbers();
    // As many decimals as the tick interval needs: a counter far from zero (energy) moves in
    // its fifth digit, and ticks that all read "205.3" say nothing.
    const double interval = (m_valueAxis->max() - m_valueAxis->min()) / std::max(1, m_valueAxis->tickCount() - 1);
    const int decimals = interval > 0 ? std::clamp(int(std::ceil(-std::log10(interval))), 0, 6) : 0;
    m_valueAxis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

void TimeSeriesChart::scheduleRedecimate()
{
    m_redecimateTimer->start();
}

void TimeSeriesChart::styleMarker(const Line &line)
{
    for (qsizetype i = 0; i < line.segments.size(); ++i) {
        for (QLegendMarker *marker : m_chart->legend()->markers(line.segments.at(i))) {
            // Showing or hiding a series shows or hides its marker too: only the first stretch
            // has an entry, and a hidden line keeps a dimmed one to click.
            marker->setVisible(i == 0);
            QColor text = palette().color(QPalette::WindowText);
            QColor swatch = line.color;
            if (!line.visible) {
                text.setAlphaF(0.4);
                swatch.setAlphaF(0.25);
            }
            marker->setLabelBrush(text);
            marker->setBrush(swatch);
            marker->setPen(QPen(swatch));
        }
    }
}

QStringList TimeSeriesChart::lineNames() const
{
    QStringList names;
    for (const Line &line : m_lines)
        names.append(line.name);
    return names;
}

bool TimeSeriesChart::isLineVisible(int line) const
{
    return line >= 0 && line < m_lines.size() && m_lines.at(line).visible;
}

void TimeSeriesChart::setLineVisible(int line, bool visible)
{
    if (line < 0 || line >= m_lines.size())
        return;
    Line &entry = m_lines[line];
    entry.visible = visible;
    for (QLineSeries *segment : std::as_const(entry.segments))
        segment->setVisible(visible);
    // The value axis fits what is shown.
    redecimate();
}

QList<QLineSeries *> TimeSeriesChart::lineSegments(int line) const
{
    return line >= 0 && line < m_lines.size() ? m_lines.at(line).segments : QList<QLineSeries *>();
}

std::optional<double> TimeSeriesChart::valueAt(int line, const QDateTime &time) const
{
    if (line < 0 || line >= m_lines.size())
        return std::nullopt;
    const Line &entry = m_lines.at(line);
    const Prom::TimeAxis &axis = entry.store.axis();
    if (!axis.isValid())
        return std::nullopt;
    const double offset = (double(time.toMSecsSinceEpoch()) / 1000 - double(axis.start)) / double(axis.step);
    const qint64 index = std::llround(offset);
    if (index < 0 || index >= axis.count)
        return std::nullopt;
    const double value = entry.store.value(entry.id, int(index));
    return std::isnan(value) ? std::nullopt : std::optional<double>(value);
}

QString TimeSeriesChart::readoutAt(const QDateTime &time) const
{
    QStringList lines { QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) };
    for (int i = 0; i < m_lines.size(); ++i) {
        if (!m_lines.at(i).visible)
            continue;
        const auto value = valueAt(i, time);
        const QString text = value ? formatValue(*value / m_scale) + QLatin1Char(' ') + m_scaledUnit : tr("no data");
        lines.append(m_lines.at(i).name + QStringLiteral(": ") + text);
    }
    return lines.join(QLatin1Char('\n'));
}

void TimeSeriesChart::showCrosshairAt(const QDateTime &time)
{
    const QRectF plot = m_chart->plotArea();
    const double ms = double(time.toMSecsSinceEpoch());
    if (m_lines.isEmpty() || ms < m_fromMs || ms > m_toMs || plot.isEmpty()) {
        hideCrosshair();
        return;
    }
    const double x = m_chart->mapToPosition(QPointF(ms, m_valueAxis->min()), m_lines.first().segments.first()).x();
    m_crosshair->setLine(x, plot.top(), x, plot.bottom());
    m_crosshair->show();
    m_readout->setText(readoutAt(time));
    const QRectF textRect = m_readout->boundingRect().adjusted(-4, -3, 4, 3);
    m_readout->setPos(4, 3);
    m_readoutBox->setRect(0, 0, textRect.width(), textRect.height());
    // Beside the crosshair, on whichever side has room.
    const double left = x + 8 + textRect.width() <= plot.right() ? x + 8 : x - 8 - textRect.width();
    m_readoutBox->setPos(std::max(plot.left(), left), plot.top() + 4);
    m_readoutBox->show();
}

void TimeSeriesChart::hideCrosshair()
{
    m_crosshair->hide();
    m_readoutBox->hide();
    m_readout->setText(QString());
}

QString TimeSeriesChart::crosshairText() const
{
    return m_readoutBox->isVisible() ? m_readout->text() : QString();
}

void TimeSeriesChart::hover(const QPointF &scenePos)
{
    if (!m_chart->plotArea().contains(scenePos)) {
        hideCrosshair();
        return;
    }
    showCrosshairAt(QDateTime::fromMSecsSinceEpoch(qint64(sceneXToMs(scenePos.x()))));
}

double TimeSeriesChart::sceneXToMs(double sceneX) const
{
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0)
        return m_fromMs;
    return m_fromMs + (sceneX - plot.left()) / plot.width() * (m_toMs - m_fromMs);
}

QDateTime TimeSeriesChart::visibleFrom() const
{
    return QDateTime::fromMSecsSinceEpoch(qint64(m_fromMs), Qt::UTC);
}

QDateTime TimeSeriesChart::visibleTo() const
{
    return QDateTime::fromMSecsSinceEpoch(qint64(m_toMs), Qt::UTC);
}

void TimeSeriesChart::setVisibleRange(const QDateTime &from, const QDateTime &to)
{
    setRangeMs(double(from.toMSecsSinceEpoch()), double(to.toMSecsSinceEpoch()));
}

void TimeSeriesChart::setRangeMs(double from, double to)
{
    // Nothing narrower than a second: the axis labels would repeat.
    if (to - from < 1000) {
        const double middle = (from + to) / 2;
        from = middle - 500;
        to = middle + 500;
    }
    if (from == m_fromMs && to == m_toMs)
        return;
    m_fromMs = from;
    m_toMs = to;
    m_timeAxis->setFormat(timeFormat(to - from));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(from)), QDateTime::fromMSecsSinceEpoch(qint64(to)));
    hideCrosshair();
    scheduleRedecimate();
    Q_EMIT visibleRangeChanged(visibleFrom(), visibleTo());
}

void TimeSeriesChart::resetZoom()
{
    const auto [from, to] = dataRangeMs();
    setRangeMs(from, to);
}

void TimeSeriesChart::zoomBy(double factor, double sceneX)
{
    const double anchor = sceneXToMs(sceneX);
    setRangeMs(anchor - (anchor - m_fromMs) * factor, anchor + (m_toMs - anchor) * factor);
}

void TimeSeriesChart::panBy(double pixels)
{
    const double width = m_chart->plotArea().width();
    if (width <= 0)
        return;
    const double shift = -pixels / width * (m_toMs - m_fromMs);
    setRangeMs(m_fromMs + shift, m_toMs + shift);
}

void TimeSeriesChart::selectSpan(double sceneX1, double sceneX2)
{
    const double a = sceneXToMs(sceneX1);
    const double b = sceneXToMs(sceneX2);
    setRangeMs(std::min(a, b), std::max(a, b));
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    hideCrosshair();
    scheduleRedecimate(); // the number of pixel columns changed
}

QImage TimeSeriesChart::toImage() const
{
    return m_view->grab().toImage();
}

QByteArray TimeSeriesChart::toCsv() const
{
    return Prom::SeriesCsv::toCsv(m_stores, m_name);
}

void TimeSeriesChart::saveImageAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Chart Image"), title() + QStringLiteral(".png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!toImage().save(path, "PNG"))
        QMessageBox::warning(this, tr("Save Chart Image"), tr("Could not write %1.").arg(path));
}

void TimeSeriesChart::saveCsvAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Chart Numbers"), title() + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const auto error = Prom::SeriesCsv::writeFile(path, m_stores, m_name))
        QMessageBox::warning(this, tr("Save Chart Numbers"), error->toString());
}

} // namespace Specula::Views
