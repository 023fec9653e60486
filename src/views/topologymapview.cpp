// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/topologymapview.h"

#include "core/offthread.h"
#include "model/topologymappainter.h"
#include "views/topologymapitem.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace Specula::Views {
namespace {

constexpr double kWheelStep = 1.25; // per notch
constexpr double kKeyStep = 1.5;
constexpr double kSceneMargin = 40;

} // namespace

TopologyMapView::TopologyMapView(QWidget *parent)
    : QGraphicsView(parent)
    , m_painter(std::make_unique<Model::TopologyMapPainter>(m_map, palette(), font()))
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setRenderHint(QPainter::TextAntialiasing);
    // Items paint with a fresh state each; whole-viewport updates suit a pan of many small boxes.
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setBackgroundBrush(palette().color(QPalette::Window));
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Wheel or +/- to zoom, drag to pan, 0 to fit; click a GPU, MIG slice or VF to select it"));
}

TopologyMapView::~TopologyMapView() = default;

void TopologyMapView::setMap(Model::TopologyMap map, bool fit)
{
    Core::freeOffThread(std::exchange(m_map, std::move(map)));
    const int count = int(m_map.nodes().size());
    while (m_items.size() > count)
        delete m_items.takeLast();
    for (int i = 0; i < count; ++i) {
        if (i < m_items.size()) {
            m_items[i]->setIndex(i);
        } else {
            auto *item = new TopologyMapItem(this, i);
            m_scene->addItem(item);
            m_items.append(item);
        }
    }
    m_scene->setSceneRect(m_map.bounds().adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
    updateSelection();
    if (fit || !m_fitted || m_keepFitted)
        fitAll();
}

bool TopologyMapView::selectKey(const QString &key)
{
    m_selectedKey = key;
    updateSelection();
    if (m_selected.first < 0)
        return false;
    const auto &node = m_map.nodes().at(m_selected.first);
    const QRectF target
        = m_selected.second >= 0 ? node.cells.at(m_selected.second).rect.translated(node.rect.topLeft()) : node.rect;
    ensureVisible(target, 20, 20);
    return true;
}

void TopologyMapView::updateSelection()
{
    const auto previous = m_selected;
    m_selected = m_selectedKey.isEmpty() ? std::pair { -1, -1 } : m_map.find(m_selectedKey);
    for (int index : { previous.first, m_selected.first }) {
        if (index >= 0 && index < m_items.size())
            m_items[index]->update();
    }
}

int TopologyMapView::selectedCellOf(int index) const
{
    if (index != m_selected.first)
        return -1;
    return m_selected.second >= 0 ? m_selected.second : -2;
}

double TopologyMapView::zoom() const
{
    return transform().m11();
}

void TopologyMapView::setZoom(double scale)
{
    const double clamped = std::clamp(scale, kMinScale, kMaxScale);
    setTransform(QTransform::fromScale(clamped, clamped));
    Q_EMIT zoomChanged(clamped);
}

void TopologyMapView::zoomBy(double factor)
{
    m_keepFitted = false;
    setZoom(zoom() * factor);
}

void TopologyMapView::fitAll()
{
    m_fitted = true;
    m_keepFitted = true;
    const QRectF bounds = m_map.bounds();
    const QSize size = viewport()->size();
    if (bounds.isEmpty() || size.isEmpty()) {
        setZoom(1);
        return;
    }
    const double scale = std::min((size.width() - 2 * kSceneMargin) / bounds.width(),
                                  (size.height() - 2 * kSceneMargin) / bounds.height());
    // Small clusters are not blown up beyond a size where the labels read well.
    setZoom(std::min(scale, 2.0));
    centerOn(bounds.center());
}

QString TopologyMapView::toolTipAt(QPoint viewportPoint) const
{
    const auto [node, cell] = m_map.hit(mapToScene(viewportPoint));
    return m_map.describe(node, cell);
}

bool TopologyMapView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::showText(help->globalPos(), toolTip(), viewport());
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QGraphicsView::viewportEvent(event);
}

void TopologyMapView::mousePressEvent(QMouseEvent *event)
{
    m_pressPosition = event->position().toPoint();
    QGraphicsView::mousePressEvent(event);
}

void TopologyMapView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    const bool click
        = (event->position().toPoint() - m_pressPosition).manhattanLength() < QApplication::startDragDistance();
    if (!click)
        m_keepFitted = false; // the user panned
    if (event->button() != Qt::LeftButton || !click)
        return;
    const auto [node, cell] = m_map.hit(mapToScene(event->position().toPoint()));
    m_selectedKey = node >= 0 ? m_map.key(node, cell) : QString();
    updateSelection();
    Q_EMIT keySelected(m_selectedKey);
}

void TopologyMapView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(kWheelStep, notches));
    event->accept();
}

void TopologyMapView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kKeyStep);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / kKeyStep);
        return;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitAll();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void TopologyMapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_keepFitted)
        fitAll();
}

void TopologyMapView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_painter = std::make_unique<Model::TopologyMapPainter>(m_map, palette(), font());
        setBackgroundBrush(palette().color(QPalette::Window));
        viewport()->update();
    }
    QGraphicsView::changeEvent(event);
}

} // namespace Specula::Views
