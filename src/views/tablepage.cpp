// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tablepage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Specula::Views {

TablePage::TablePage(QAbstractItemModel *model, int sortRole, const QString &filterPlaceholder, QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    // Keeps the sorted order while rows arrive from live updates.
    m_proxy->setDynamicSortFilter(true);

    m_filter->setPlaceholderText(filterPlaceholder);
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only rows that contain this text in any column"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(150);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &TablePage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TablePage::updateCount);
    // Columns fit their content when a cluster's data first arrives or new resources appear;
    // after that the user's widths stay.
    auto fitColumns = [this] { m_view->resizeColumnsToContents(); };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, fitColumns, Qt::QueuedConnection);
    connect(m_proxy, &QAbstractItemModel::columnsInserted, this, fitColumns, Qt::QueuedConnection);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TablePage::updateCount);
    updateCount();
}

TablePage::~TablePage() = default;

void TablePage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_proxy->sourceModel()->rowCount();
    m_count->setText(shown == total ? tr("%n row(s)", nullptr, total) : tr("%1 of %2 rows").arg(shown).arg(total));
}

} // namespace Specula::Views
