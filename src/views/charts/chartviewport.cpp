// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/chartviewport.h"

#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>
#include <cmath>

namespace Specula::Views {

ChartViewport::ChartViewport(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
    , m_band(new QRubberBand(QRubberBand::Rectangle, viewport()))
{
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setRubberBand(QChartView::NoRubberBand); // ours, so that a span becomes a time range
    setToolTip(tr("Wheel: zoom the time axis · Drag: pan · Shift+drag: zoom into a span · Double-click: show all"));
}

ChartViewport::~ChartViewport() = default;

void ChartViewport::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y();
    if (steps == 0) {
        event->ignore();
        return;
    }
    // One notch (120) zooms by 1.25; trackpads send smaller deltas.
    const double factor = std::pow(1.25, -steps / 120.0);
    Q_EMIT zoomRequested(factor, mapToScene(event->position().toPoint()).x());
    event->accept();
}

void ChartViewport::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_pressPos = m_lastPos = event->position().toPoint();
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Span;
        m_band->setGeometry(QRect(m_pressPos, QSize(1, viewport()->height())));
        m_band->show();
    } else {
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void ChartViewport::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_drag) {
    case Drag::Pan:
        Q_EMIT panRequested(pos.x() - m_lastPos.x());
        break;
    case Drag::Span: {
        const QRect plot = mapFromScene(chart()->plotArea()).boundingRect();
        m_band->setGeometry(QRect(QPoint(m_pressPos.x(), plot.top()), QPoint(pos.x(), plot.bottom())).normalized());
        break;
    }
    case Drag::None:
        break;
    }
    m_lastPos = pos;
    Q_EMIT hovered(mapToScene(pos));
    QChartView::mouseMoveEvent(event);
}

void ChartViewport::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    if (m_drag == Drag::Span) {
        m_band->hide();
        const int x = event->position().toPoint().x();
        // A click is not a span.
        if (std::abs(x - m_pressPos.x()) > 3)
            Q_EMIT spanSelected(mapToScene(m_pressPos).x(), mapToScene(QPoint(x, 0)).x());
    }
    viewport()->unsetCursor();
    m_drag = Drag::None;
    event->accept();
}

void ChartViewport::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        Q_EMIT resetRequested();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void ChartViewport::leaveEvent(QEvent *event)
{
    Q_EMIT left();
    QChartView::leaveEvent(event);
}

} // namespace Specula::Views
