import { z } from 'zod';

const password = z.string().max(256, 'Password must be at most 256 characters.');

export const changePasswordSchema = z
  .object({
    currentPassword: password.min(1, 'Enter your current password.'),
    newPassword: password.min(8, 'The new password must be at least 8 characters.'),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match.',
  });

export const deleteAccountSchema = z.object({
  password: password.min(1, 'Enter your password to confirm.'),
  confirm: z.literal('on', { error: 'Tick the box to confirm that you want your account deleted.' }),
});
