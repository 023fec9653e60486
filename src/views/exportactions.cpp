// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/exportactions.h"

#include "export/imagefile.h"
#include "export/tablecsv.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QIcon>
#include <QImage>
#include <QMessageBox>
#include <QPixmap>

namespace Specula::Views {

ExportActions::ExportActions(QWidget *page, QAbstractItemView *table, const QString &baseName)
    : QObject(page)
    , m_page(page)
    , m_table(table)
    , m_baseName(baseName)
    , m_csv(new QAction(tr("Export CSV…"), page))
    , m_png(new QAction(tr("Export PNG…"), page))
{
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_png->setObjectName(QStringLiteral("exportPng"));
    m_csv->setToolTip(tr("Save the table's rows, as sorted and filtered, to a CSV file"));
    m_png->setToolTip(tr("Save an image of this page to a PNG file"));
    m_csv->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    m_png->setIcon(QIcon::fromTheme(QStringLiteral("image-x-generic")));
    connect(m_csv, &QAction::triggered, this, [this] { chooseAndExport(true); });
    connect(m_png, &QAction::triggered, this, [this] { chooseAndExport(false); });
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_csv);
    m_table->addAction(m_png);
}

ExportActions::~ExportActions() = default;

std::optional<Core::Error> ExportActions::exportCsv(const QString &path) const
{
    return Export::TableCsv::writeFile(path, *m_table->model());
}

std::optional<Core::Error> ExportActions::exportPng(const QString &path) const
{
    return Export::ImageFile::writePng(path, grab(m_page));
}

QImage ExportActions::grab(QWidget *widget)
{
    // QWidget::grab renders at the widget's device pixel ratio and records it in the pixmap.
    return widget->grab().toImage();
}

void ExportActions::chooseAndExport(bool csv)
{
    const QString suggested
        = QDir::home().filePath(m_baseName + (csv ? QStringLiteral(".csv") : QStringLiteral(".png")));
    const QString path = QFileDialog::getSaveFileName(m_page, csv ? tr("Export CSV") : tr("Export PNG"), suggested,
                                                      csv ? tr("CSV files (*.csv)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const std::optional<Core::Error> error = csv ? exportCsv(path) : exportPng(path);
    if (error) {
        QMessageBox::warning(m_page, tr("Export failed"), error->toString());
        return;
    }
    Q_EMIT exported(path);
}

} // namespace Specula::Views
