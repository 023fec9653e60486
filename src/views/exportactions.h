// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QObject>
#include <optional>

class QAbstractItemView;
class QAction;
class QImage;
class QWidget;

namespace Specula::Views {

// "Export CSV…" and "Export PNG…" for a page: the table's rows as shown (sorted and filtered) to
// CSV, the page as an image at the screen's device pixel ratio to PNG. The actions go on the
// page's tool bar and the table's context menu; a failure is shown in a message box.
class ExportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportActions)

public:
    // `baseName` names the suggested files ("pending" → pending.csv, pending.png).
    ExportActions(QWidget *page, QAbstractItemView *table, const QString &baseName);
    ~ExportActions() override;

    QAction *csvAction() const { return m_csv; }
    QAction *pngAction() const { return m_png; }

    std::optional<Core::Error> exportCsv(const QString &path) const;
    std::optional<Core::Error> exportPng(const QString &path) const;
    // The page as it is on screen, at its device pixel ratio.
    static QImage grab(QWidget *widget);

Q_SIGNALS:
    void exported(const QString &path);

private:
    void chooseAndExport(bool csv);

    QWidget *m_page;
    QAbstractItemView *m_table;
    QString m_baseName;
    QAction *m_csv;
    QAction *m_png;
};

} // namespace Specula::Views
