// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

class QRubberBand;

namespace Specula::Views {

// The chart's view: turns the mouse into requests in pixels of the plot and leaves what they
// mean to TimeSeriesChart. Wheel: zoom the time axis around the pointer; drag: pan; Shift+drag:
// rubber band over a time span; double-click: reset; hover: crosshair.
class ChartViewport final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartViewport)

public:
    explicit ChartViewport(QChart *chart, QWidget *parent = nullptr);
    ~ChartViewport() override;

Q_SIGNALS:
    // factor < 1 zooms in; `x` is the scene x the zoom keeps in place.
    void zoomRequested(double factor, double x);
    void panRequested(double dx);
    void spanSelected(double x1, double x2);
    void resetRequested();
    void hovered(const QPointF &scenePos);
    void left();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    enum class Drag { None, Pan, Span };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    QRubberBand *m_band = nullptr;
};

} // namespace Specula::Views
