// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/vfallocationpainter.h"

#include <QImage>
#include <QPainter>
#include <QSet>
#include <algorithm>

namespace Specula::Model {
namespace {

constexpr int kMargin = 8;
constexpr int kMaxLabelWidth = 280;
// A PNG of thousands of nodes still has to open in an image viewer.
constexpr int kMaxImageHeight = 16000;
constexpr int kMinImageRowHeight = 3;

QString countsText(const VfCounts &counts)
{
    return QStringLiteral("%1 / %2 / %3%4")
        .arg(counts.allocated)
        .arg(counts.free)
        .arg(counts.notCreated)
        .arg(counts.pfsWithoutTotal > 0 ? QStringLiteral("+?") : QString());
}

} // namespace

VfAllocationPainter::VfAllocationPainter(QList<VfAllocationRow> rows, const QFont &font, const QPalette &palette)
    : m_rows(std::move(rows))
    , m_font(font)
    , m_metrics(font)
    , m_palette(palette)
{
    // Thousands of nodes share a few dozen count texts; each is measured once.
    QSet<QString> counts;
    for (const auto &row : std::as_const(m_rows)) {
        m_maxTotal = std::max(m_maxTotal, row.counts.total());
        m_labelWidth = std::max(m_labelWidth, m_metrics.horizontalAdvance(row.name));
        counts.insert(countsText(row.counts));
    }
    for (const QString &text : std::as_const(counts))
        m_countsWidth = std::max(m_countsWidth, m_metrics.horizontalAdvance(text));
    // One pixel more than the rounded advance, so that a label of exactly that width is not elided
    // (fonts with fractional advances, such as GTK's under Qt's gtk3 theme).
    m_labelWidth = std::min(m_labelWidth + 1, kMaxLabelWidth) + 2 * kMargin;
    m_countsWidth += 2 * kMargin;
}

QColor VfAllocationPainter::colour(Segment segment, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (segment) {
    case Segment::Allocated:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    case Segment::Free:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Segment::NotCreated:
        return dark ? QColor(0x61, 0x61, 0x61) : QColor(0xcf, 0xd8, 0xdc);
    }
    return {};
}

QString VfAllocationPainter::segmentName(Segment segment)
{
    switch (segment) {
    case Segment::Allocated:
        return tr("Allocated");
    case Segment::Free:
        return tr("Free");
    case Segment::NotCreated:
        return tr("Not created");
    }
    return {};
}

int VfAllocationPainter::legendHeight() const
{
    return m_metrics.height() + 2 * kMargin;
}

int VfAllocationPainter::rowHeight() const
{
    return m_metrics.height() + 8;
}

QRect VfAllocationPainter::barRect(int width, int rowTop, int rowHeight) const
{
    const int inset = std::max(1, rowHeight / 6);
    return QRect(m_labelWidth, rowTop + inset, std::max(1, width - m_labelWidth - m_countsWidth),
                 std::max(1, rowHeight - 2 * inset));
}

std::array<int, 4> VfAllocationPainter::segmentEdges(int index, const QRect &bar) const
{
    const VfCounts &c = m_rows.at(index).counts;
    // One scale for every bar: the largest total fills the width.
    auto x
        = [&](int count) { return bar.left() + (m_maxTotal > 0 ? int(qint64(count) * bar.width() / m_maxTotal) : 0); };
    return { bar.left(), x(c.allocated), x(c.allocated + c.free), x(c.total()) };
}

std::optional<VfAllocationPainter::Segment> VfAllocationPainter::segmentAt(int index, int width, int x) const
{
    if (index < 0 || index >= m_rows.size())
        return std::nullopt;
    const auto edges = segmentEdges(index, barRect(width, 0, rowHeight()));
    for (int s = 0; s < 3; ++s) {
        if (x >= edges[s] && x < edges[s + 1])
            return Segment(s);
    }
    return std::nullopt;
}

QString VfAllocationPainter::describe(int index) const
{
    const VfAllocationRow &row = m_rows.at(index);
    const VfCounts &c = row.counts;
    QString text = tr("%1: %2 allocated, %3 free, %4 not created of %5 VFs")
                       .arg(row.name)
                       .arg(c.allocated)
                       .arg(c.free)
                       .arg(c.notCreated)
                       .arg(c.total());
    if (c.pfsWithoutTotal > 0)
        text += QLatin1Char('\n')
            + tr("%1 PF(s) did not report how many VFs they support; the total counts only what exists")
                  .arg(c.pfsWithoutTotal);
    return text;
}

void VfAllocationPainter::paintLegend(QPainter &painter, const QRect &rect) const
{
    painter.save();
    painter.setFont(m_font);
    painter.fillRect(rect, m_palette.color(QPalette::Base));
    const VfCounts sum = VfAllocation::total(m_rows);
    const int counts[] = { sum.allocated, sum.free, sum.notCreated };
    const int box = m_metrics.ascent();
    int x = rect.left() + kMargin;
    const int top = rect.top() + (rect.height() - box) / 2;
    for (int s = 0; s < 3; ++s) {
        painter.fillRect(QRect(x, top, box, box), colour(Segment(s), m_palette));
        x += box + 4;
        const QString text = QStringLiteral("%1 (%2)").arg(segmentName(Segment(s))).arg(counts[s]);
        painter.setPen(m_palette.color(QPalette::Text));
        painter.drawText(QRect(x, rect.top(), rect.right() - x, rect.height()), Qt::AlignVCenter | Qt::AlignLeft, text);
        x += m_metrics.horizontalAdvance(text) + 2 * kMargin;
    }
    const QString total = tr("of %1 VFs; bars show allocated / free / not created").arg(sum.total());
    painter.drawText(QRect(x, rect.top(), std::max(0, rect.right() - x), rect.height()),
                     Qt::AlignVCenter | Qt::AlignLeft, m_metrics.elidedText(total, Qt::ElideRight, rect.right() - x));
    painter.restore();
}

void VfAllocationPainter::paintRow(QPainter &painter, int index, const QRect &rect, bool highlighted) const
{
    painter.save();
    painter.setFont(m_font);
    if (highlighted) {
        QColor highlight = m_palette.color(QPalette::Highlight);
        highlight.setAlpha(70);
        painter.fillRect(rect, highlight);
    }
    const VfAllocationRow &row = m_rows.at(index);
    if (rect.height() >= m_metrics.height()) {
        painter.setPen(m_palette.color(QPalette::Text));
        painter.drawText(QRect(rect.left() + kMargin, rect.top(), m_labelWidth - 2 * kMargin, rect.height()),
                         Qt::AlignVCenter | Qt::AlignLeft,
                         m_metrics.elidedText(row.name, Qt::ElideMiddle, m_labelWidth - 2 * kMargin));
        painter.drawText(
            QRect(rect.right() - m_countsWidth + kMargin, rect.top(), m_countsWidth - kMargin, rect.height()),
            Qt::AlignVCenter | Qt::AlignLeft, countsText(row.counts));
    }
    const QRect bar = barRect(rect.width(), rect.top(), rect.height()).translated(rect.left(), 0);
    const auto edges = segmentEdges(index, bar);
    for (int s = 0; s < 3; ++s) {
        if (edges[s + 1] > edges[s])
            painter.fillRect(QRect(edges[s], bar.top(), edges[s + 1] - edges[s], bar.height()),
                             colour(Segment(s), m_palette));
    }
    painter.restore();
}

QImage VfAllocationPainter::image(int width, qreal devicePixelRatio) const
{
    const int rows = int(m_rows.size());
    const int rowH = rows > 0 ? std::clamp((kMaxImageHeight - legendHeight()) / rows, kMinImageRowHeight, rowHeight())
                              : rowHeight();
    const int height = legendHeight() + rows * rowH + kMargin;
    QImage image(QSize(width, height) * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(m_palette.color(QPalette::Base));
    QPainter painter(&image);
    paintLegend(painter, QRect(0, 0, width, legendHeight()));
    for (int i = 0; i < rows; ++i)
        paintRow(painter, i, QRect(0, legendHeight() + i * rowH, width, rowH), false);
    return image;
}

} // namespace Specula::Model
