import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { createProduct } from '@/features/admin/product-actions';
import { ProductForm } from '@/features/admin/product-form';
import { requireCatalogAdmin } from '@/server/identity/require-admin';
import { csrfToken } from '@/server/identity/session';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  const principal = await requireCatalogAdmin();
  const csrf = await csrfToken();
  const firstRegion =
    principal.roles.find((r) => r.startsWith('catalog.admin:'))?.slice('catalog.admin:'.length) ?? '';
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">New product</h1>
      <Card>
        <ProductForm
          mode="create"
          action={createProduct}
          csrf={csrf}
          idempotencyKey={randomUUID()}
          initialValues={{ status: 'draft', ownerRegion: firstRegion, currency: 'EUR', stock: '0' }}
        />
      </Card>
    </div>
  );
}
