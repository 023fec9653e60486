// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/podchartsgrid.h"

#include "views/charts/timeserieschart.h"

#include <QGridLayout>

namespace Specula::Views {

PodChartsGrid::PodChartsGrid(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QGridLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
}

PodChartsGrid::~PodChartsGrid() = default;

void PodChartsGrid::setCharts(const QList<Model::PodChart> &charts)
{
    qDeleteAll(m_charts);
    m_charts.clear();
    for (const Model::PodChart &spec : charts) {
        auto *chart = new TimeSeriesChart(this);
        chart->setTitle(spec.title);
        chart->setUnit(spec.unit);
        chart->setSeries(spec.stores, &Model::PodChartPlan::nameOf);
        chart->setMinimumHeight(260);
        m_charts.append(chart);
    }
    for (TimeSeriesChart *chart : std::as_const(m_charts)) {
        connect(chart, &TimeSeriesChart::visibleRangeChanged, this,
                [this, chart](const QDateTime &from, const QDateTime &to) {
                    for (TimeSeriesChart *other : std::as_const(m_charts)) {
                        if (other != chart)
                            other->setVisibleRange(from, to); // no echo: an unchanged range emits nothing
                    }
                });
    }
    layOut();
}

void PodChartsGrid::setColumns(int columns)
{
    m_columns = std::max(1, columns);
    layOut();
}

TimeSeriesChart *PodChartsGrid::chart(const QString &title) const
{
    for (TimeSeriesChart *chart : m_charts) {
        if (chart->title() == title)
            return chart;
    }
    return nullptr;
}

int PodChartsGrid::rowCount() const
{
    return m_rows;
}

void PodChartsGrid::layOut()
{
    // A chart with many lines (a pod's network interfaces and VFs) takes a whole row, so that
    // its legend has room for their names.
    int row = 0;
    int column = 0;
    for (TimeSeriesChart *chart : std::as_const(m_charts)) {
        const bool wide = chart->lineCount() > kLinesForAWideChart;
        if (wide && column > 0) {
            ++row;
            column = 0;
        }
        m_layout->addWidget(chart, row, column, 1, wide ? m_columns : 1);
        column += wide ? m_columns : 1;
        if (column >= m_columns) {
            ++row;
            column = 0;
        }
    }
    m_rows = row + (column > 0 ? 1 : 0);
    for (int c = 0; c < m_columns; ++c)
        m_layout->setColumnStretch(c, 1);
}

} // namespace Specula::Views
