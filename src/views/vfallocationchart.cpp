// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/vfallocationchart.h"

#include "model/vfallocationpainter.h"

#include <QHelpEvent>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

namespace Specula::Views {

VfAllocationChart::VfAllocationChart(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    rebuildPainter();
}

VfAllocationChart::~VfAllocationChart() = default;

void VfAllocationChart::rebuildPainter()
{
    QList<Model::VfAllocationRow> rows = m_painter ? m_painter->rows() : QList<Model::VfAllocationRow>();
    m_painter = std::make_unique<Model::VfAllocationPainter>(std::move(rows), font(), palette());
    updateScrollBar();
    viewport()->update();
}

void VfAllocationChart::setRows(const QList<Model::VfAllocationRow> &rows)
{
    m_painter = std::make_unique<Model::VfAllocationPainter>(rows, font(), palette());
    const bool selectedGone = !m_selected.isEmpty()
        && std::none_of(rows.cbegin(), rows.cend(), [this](const auto &row) { return row.name == m_selected; });
    if (selectedGone) {
        m_selected.clear();
        Q_EMIT selectionChanged(m_selected);
    }
    updateScrollBar();
    viewport()->update();
}

const QList<Model::VfAllocationRow> &VfAllocationChart::rows() const
{
    return m_painter->rows();
}

void VfAllocationChart::setSelectedName(const QString &name)
{
    if (name == m_selected)
        return;
    m_selected = name;
    viewport()->update();
}

void VfAllocationChart::updateScrollBar()
{
    const int content = int(m_painter->rows().size()) * m_painter->rowHeight();
    const int visible = viewport()->height() - m_painter->legendHeight();
    verticalScrollBar()->setPageStep(std::max(1, visible));
    verticalScrollBar()->setSingleStep(m_painter->rowHeight());
    verticalScrollBar()->setRange(0, std::max(0, content - visible));
}

QRect VfAllocationChart::rowRect(int index) const
{
    const int rowHeight = m_painter->rowHeight();
    return QRect(0, m_painter->legendHeight() + index * rowHeight - verticalScrollBar()->value(), viewport()->width(),
                 rowHeight);
}

QRect VfAllocationChart::barRect(int index) const
{
    const QRect row = rowRect(index);
    return m_painter->barRect(row.width(), row.top(), row.height());
}

int VfAllocationChart::rowAt(const QPoint &viewportPos) const
{
    const int y = viewportPos.y() - m_painter->legendHeight();
    if (y < 0)
        return -1;
    const int index = (y + verticalScrollBar()->value()) / m_painter->rowHeight();
    return index < m_painter->rows().size() ? index : -1;
}

QString VfAllocationChart::toolTipAt(const QPoint &viewportPos) const
{
    const int index = rowAt(viewportPos);
    if (index < 0)
        return {};
    QString text = m_painter->describe(index);
    if (const auto segment = m_painter->segmentAt(index, viewport()->width(), viewportPos.x())) {
        const auto &counts = m_painter->rows().at(index).counts;
        const int count = *segment == Model::VfAllocationPainter::Segment::Allocated ? counts.allocated
            : *segment == Model::VfAllocationPainter::Segment::Free                  ? counts.free
                                                                                     : counts.notCreated;
        text = QStringLiteral("%1: %2\n").arg(Model::VfAllocationPainter::segmentName(*segment)).arg(count) + text;
    }
    return text;
}

void VfAllocationChart::ensureVisible(int index)
{
    const QRect row = rowRect(index);
    if (row.top() < m_painter->legendHeight())
        verticalScrollBar()->setValue(verticalScrollBar()->value() - (m_painter->legendHeight() - row.top()));
    else if (row.bottom() > viewport()->height())
        verticalScrollBar()->setValue(verticalScrollBar()->value() + row.bottom() - viewport()->height() + 1);
}

QImage VfAllocationChart::image(qreal devicePixelRatio) const
{
    return m_painter->image(viewport()->width(), devicePixelRatio);
}

QSize VfAllocationChart::sizeHint() const
{
    const int bars = int(std::clamp<qsizetype>(m_painter->rows().size(), 3, 10));
    return { 600, m_painter->legendHeight() + bars * m_painter->rowHeight() + 2 * frameWidth() };
}

void VfAllocationChart::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QRect area = viewport()->rect();
    const auto &rows = m_painter->rows();
    const int legendHeight = m_painter->legendHeight();
    if (rows.isEmpty()) {
        painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter.drawText(area, Qt::AlignCenter, tr("No SR-IOV capable NICs in this cluster"));
        return;
    }
    painter.save();
    painter.setClipRect(area.adjusted(0, legendHeight, 0, 0));
    // Only the bars in view are painted: a cluster may have thousands.
    const int first = std::max(0, verticalScrollBar()->value() / m_painter->rowHeight());
    for (int i = first; i < rows.size(); ++i) {
        const QRect row = rowRect(i);
        if (row.top() > area.bottom())
            break;
        m_painter->paintRow(painter, i, row, rows.at(i).name == m_selected);
    }
    painter.restore();
    m_painter->paintLegend(painter, QRect(0, 0, area.width(), legendHeight));
}

void VfAllocationChart::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void VfAllocationChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const int index = rowAt(event->position().toPoint());
    if (index < 0)
        return;
    const QString name = m_painter->rows().at(index).name;
    setSelectedName(name == m_selected ? QString() : name);
    Q_EMIT selectionChanged(m_selected);
}

bool VfAllocationChart::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport(), rowRect(rowAt(help->pos())));
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void VfAllocationChart::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    // A switch between light and dark, or a new font, changes colours and row heights.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        rebuildPainter();
}

} // namespace Specula::Views
