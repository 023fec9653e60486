// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/seriescsv.h"
#include "prom/seriesstore.h"

#include <QDateTime>
#include <QWidget>
#include <optional>

class QChart;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace Specula::Views {

class ChartViewport;

// Time series as lines over a time axis, for any page: one line per series of the stores it is
// given. Each line is decimated (min/max per pixel column) to the visible time span and the
// plot's width, again after every zoom, so a million points draw as a few thousand. NaN is a
// gap. The pointer shows a crosshair with every visible line's value at that time; a click on a
// legend entry hides or shows its line; wheel zooms the time axis, drag pans, Shift+drag zooms
// into a span, double-click shows everything again. Exports the picture (PNG) and the numbers
// (CSV).
class TimeSeriesChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesChart)

public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    void setTitle(const QString &title);
    QString title() const;
    // The values' unit as MetricCatalogue::unit() writes it ("%", "bytes", "B/s", "MiB", "W", "J",
    // …). Large values of byte, rate, energy and power units are shown with a prefix (GiB, kW).
    void setUnit(const QString &unit);
    QString unit() const { return m_unit; }
    // The unit the axis and crosshair show now, prefix included.
    QString displayUnit() const;

    // One line per series of each store, stores in order and each store's series in label order.
    // `name` gives a line's legend text (empty: SeriesStore::compactName). Shows the whole time
    // span of the stores.
    void setSeries(const QList<Prom::SeriesStore> &stores, const Prom::SeriesCsv::NameFunction &name = {});
    void clear();

    int lineCount() const { return int(m_lines.size()); }
    QStringList lineNames() const;
    bool isLineVisible(int line) const;
    void setLineVisible(int line, bool visible);
    // The Qt Charts series that draw a line: one per stretch without gaps (never fewer than one).
    QList<QLineSeries *> lineSegments(int line) const;
    // The line's value (as stored, without prefix scaling) at the grid point nearest `time`, or
    // nullopt when there is none within half a step or it is NaN.
    std::optional<double> valueAt(int line, const QDateTime &time) const;

    // What the crosshair says at `time`: the time, then "name: value unit" per visible line.
    QString readoutAt(const QDateTime &time) const;
    void showCrosshairAt(const QDateTime &time);
    void hideCrosshair();
    // The crosshair's text, empty while hidden.
    QString crosshairText() const;

    QDateTime visibleFrom() const;
    QDateTime visibleTo() const;
    void setVisibleRange(const QDateTime &from, const QDateTime &to);
    // Back to the whole span of the data.
    void resetZoom();
    // Pixel columns the lines are decimated to, the view's width (a line has at most twice as
    // many points, plus one neighbour outside the span on each side).
    int bucketCount() const;

    QChart *chart() const { return m_chart; }
    // The chart as drawn, at the screen's device pixel ratio.
    QImage toImage() const;
    // Every line's numbers as SeriesCsv writes them (hidden lines too).
    QByteArray toCsv() const;

Q_SIGNALS:
    void visibleRangeChanged(const QDateTime &from, const QDateTime &to);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Line
    {
        QString name;
        Prom::SeriesStore store;
        int id = -1;
        QColor color;
        bool visible = true;
        QList<QLineSeries *> segments;
    };

    void rebuildLines();
    void redecimate();
    void scheduleRedecimate();
    void setRangeMs(double from, double to);
    void zoomBy(double factor, double sceneX);
    void panBy(double pixels);
    void selectSpan(double sceneX1, double sceneX2);
    void hover(const QPointF &scenePos);
    void styleMarker(const Line &line);
    void saveImageAs();
    void saveCsvAs();
    double sceneXToMs(double sceneX) const;
    std::pair<double, double> dataRangeMs() const;

    QChart *m_chart;
    ChartViewport *m_view;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QGraphicsLineItem *m_crosshair;
    QGraphicsRectItem *m_readoutBox;
    QGraphicsSimpleTextItem *m_readout;
    QTimer *m_redecimateTimer;
    QList<Prom::SeriesStore> m_stores;
    Prom::SeriesCsv::NameFunction m_name;
    QList<Line> m_lines;
    QString m_unit;
    double m_scale = 1; // stored value / shown value
    QString m_scaledUnit;
    double m_fromMs = 0;
    double m_toMs = 0;
};

} // namespace Specula::Views
