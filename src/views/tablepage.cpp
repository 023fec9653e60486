// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tablepage.h"

#include "model/resourcetext.h"
#include "ui_tablepage.h"

#include <QAction>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <algorithm>

namespace Specula::Views {

TablePage::TablePage(QAbstractItemModel *model, int sortRole, const QString &filterPlaceholder, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::TablePage>())
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    setUp(filterPlaceholder);
}

TablePage::TablePage(QSortFilterProxyModel *proxy, const QString &filterPlaceholder, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::TablePage>())
    , m_proxy(proxy)
{
    setUp(filterPlaceholder);
}

void TablePage::setUp(const QString &filterPlaceholder)
{
    ui->setupUi(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    // Keeps the sorted order while rows arrive from live updates.
    m_proxy->setDynamicSortFilter(true);

    ui->filter->setPlaceholderText(filterPlaceholder);
    connect(ui->filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, ui->filter, [this] {
        ui->filter->setFocus();
        ui->filter->selectAll();
    });
    addAction(find);

    ui->view->setModel(m_proxy);
    ui->view->sortByColumn(0, Qt::AscendingOrder);
    ui->view->verticalHeader()->setDefaultSectionSize(ui->view->fontMetrics().height() + 8);

    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &TablePage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TablePage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TablePage::updateCount);
    // Columns fit their content when a cluster's data first arrives or new resources appear;
    // after that the user's widths stay. They fit the rows on screen and 100 more (Qt's default,
    // 1,000, costs 0.2 s of the GUI thread per table of a 5,000-node cluster).
    ui->view->horizontalHeader()->setResizeContentsPrecision(100);
    auto fitColumns = [this] { ui->view->resizeColumnsToContents(); };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, fitColumns, Qt::QueuedConnection);
    connect(m_proxy, &QAbstractItemModel::columnsInserted, this, fitColumns, Qt::QueuedConnection);
    updateCount();
}

TablePage::~TablePage() = default;

QTableView *TablePage::view() const
{
    return ui->view;
}

void TablePage::setFilterText(const QString &text)
{
    ui->filter->setText(text);
}

void TablePage::fitColumns(int maxWidth)
{
    ui->view->resizeColumnsToContents();
    for (int column = 0; column < m_proxy->columnCount(); ++column)
        ui->view->setColumnWidth(column, std::min(ui->view->columnWidth(column), maxWidth));
}

void TablePage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_proxy->sourceModel()->rowCount();
    ui->count->setText(shown == total ? Model::ResourceText::plural(tr("%n row(s)", nullptr, total), total)
                                      : tr("%1 of %2 rows").arg(shown).arg(total));
}

} // namespace Specula::Views
