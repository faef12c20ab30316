import type { Metadata } from 'next';
import { Card, CardTitle } from '@/components/ui/card';
import { requireCatalogAdmin } from '@/server/identity/require-admin';

export const metadata: Metadata = { title: 'Back office' };

export default async function AdminPage() {
  const principal = await requireCatalogAdmin();
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">Back office</h1>
      <Card>
        <CardTitle>Catalog</CardTitle>
        <p className="mt-2 text-sm text-muted-foreground">
          Signed in as a catalog administrator of {principal.tenantId}. Product management arrives with the
          catalog service.
        </p>
      </Card>
    </div>
  );
}
