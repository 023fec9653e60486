// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <memory>

class QAbstractItemModel;
class QSortFilterProxyModel;
class QTableView;

namespace Ui {
class TablePage;
}

namespace Specula::Views {

// A page that shows one table model: a filter field, a sortable table and a line that counts
// what is shown. The model keeps its rows across live updates, so selection and scroll survive.
class TablePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablePage)

public:
    // `sortRole` is the model's role holding sortable raw values.
    TablePage(QAbstractItemModel *model, int sortRole, const QString &filterPlaceholder, QWidget *parent = nullptr);
    // Shows `proxy`, which sorts and filters (by the page's filter text too) its own way: one
    // proxy instead of two, whose lessThan() may skip data(), for tables of tens of thousands of rows.
    TablePage(QSortFilterProxyModel *proxy, const QString &filterPlaceholder, QWidget *parent = nullptr);
    ~TablePage() override;

    QTableView *view() const;
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    void setFilterText(const QString &text);
    // Columns fit their content, none wider than `maxWidth` pixels (long messages stay readable
    // in their tooltip and the page's details).
    void fitColumns(int maxWidth);

private:
    void setUp(const QString &filterPlaceholder);
    void updateCount();

    std::unique_ptr<Ui::TablePage> ui;
    QSortFilterProxyModel *m_proxy;
};

} // namespace Specula::Views
