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

void PodChartsGrid::layOut()
{
    for (int i = 0; i < m_charts.size(); ++i)
        m_layout->addWidget(m_charts.at(i), i / m_columns, i % m_columns);
    for (int column = 0; column < m_columns; ++column)
        m_layout->setColumnStretch(column, 1);
}

} // namespace Specula::Views
